#include "lossplay/tensor.hpp"

#include <limits>
#include <optional>
#include <string_view>

#include "lossplay/error.hpp"
#include "lossplay/reduction.hpp"
#include "lossplay/summation.hpp"

namespace lossplay {

std::size_t element_count(const Shape& shape) {
  std::size_t n = 1;
  for (std::size_t d : shape) {
    if (d != 0 && n > std::numeric_limits<std::size_t>::max() / d)
      throw InputError("shape_too_large", {{"shape", shape}});
    n *= d;
  }
  return n;
}

std::string shape_to_string(const Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

std::string_view to_string(Reduction r) {
  switch (r) {
    case Reduction::None: return "none";
    case Reduction::Mean: return "mean";
    case Reduction::Sum: return "sum";
    case Reduction::BatchMean: return "batchmean";
  }
  return "mean";
}

std::optional<Reduction> reduction_from_string(std::string_view name) {
  if (name == "none") return Reduction::None;
  if (name == "mean") return Reduction::Mean;
  if (name == "sum") return Reduction::Sum;
  if (name == "batchmean") return Reduction::BatchMean;
  return std::nullopt;
}

double pairwise_sum(const double* values, std::size_t n) {
  constexpr std::size_t block = 128;
  if (n <= block) {
    // Eight accumulators let the compiler vectorise without reordering
    // more than the pairwise scheme already does.
    double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8)
      for (std::size_t k = 0; k < 8; ++k) acc[k] += values[i + k];
    double rest = 0;
    for (; i < n; ++i) rest += values[i];
    return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7])) + rest;
  }
  std::size_t half = n / 2;
  half -= half % 8;  // keep the left block a multiple of the unrolled width
  return pairwise_sum(values, half) + pairwise_sum(values + half, n - half);
}

}  // namespace lossplay
