// How a loss folds its per-element values into the result, as in PyTorch.
#pragma once

#include <optional>
#include <string_view>

namespace lossplay {

enum class Reduction {
  None,  // one value per element (or per sample for row-wise losses)
  Mean,  // the average; weighted losses divide by the weights used
  Sum,
  BatchMean,  // the sum divided by the batch size (first dimension): kl_div's "batchmean"
};

std::string_view to_string(Reduction r);
std::optional<Reduction> reduction_from_string(std::string_view name);

}  // namespace lossplay
