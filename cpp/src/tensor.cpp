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

double pairwise_leaf_sum(const double* values, std::size_t n) {
  // Eight accumulators let the compiler vectorise without reordering more
  // than the pairwise scheme already does.
  double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (std::size_t k = 0; k < 8; ++k) acc[k] += values[i + k];
  double rest = 0;
  for (; i < n; ++i) rest += values[i];
  return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7])) + rest;
}

namespace {

double pairwise_tree(std::size_t begin, std::size_t n, PairwiseLeaf leaf, void* context) {
  if (n <= pairwise_leaf_size) return leaf(context, begin, n);
  std::size_t half = n / 2;
  half -= half % 8;  // keep the left block a multiple of the unrolled width
  return pairwise_tree(begin, half, leaf, context) + pairwise_tree(begin + half, n - half, leaf, context);
}

}  // namespace

double pairwise_sum_of(std::size_t n, PairwiseLeaf leaf, void* context) { return pairwise_tree(0, n, leaf, context); }

double pairwise_sum(const double* values, std::size_t n) {
  const auto leaf = [](void* context, std::size_t begin, std::size_t count) {
    return pairwise_leaf_sum(static_cast<const double*>(context) + begin, count);
  };
  return pairwise_sum_of(n, leaf, const_cast<double*>(values));
}

}  // namespace lossplay
