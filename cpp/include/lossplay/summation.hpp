// Accurate sums over long arrays.
#pragma once

#include <cstddef>

namespace lossplay {

// Pairwise summation: the rounding error grows with log(n) rather than n,
// so a mean over millions of elements keeps its digits. Blocks of at most
// pairwise_leaf_size are summed directly, which keeps the loop fast and
// vectorisable.
double pairwise_sum(const double* values, std::size_t n);

inline constexpr std::size_t pairwise_leaf_size = 128;

// One leaf of pairwise_sum (n <= pairwise_leaf_size), summed as it sums it.
double pairwise_leaf_sum(const double* values, std::size_t n);

// pairwise_sum of values a caller computes as it goes: leaf(context, begin,
// count) fills elements [begin, begin + count) and returns pairwise_leaf_sum
// of them. The leaves come in order and the tree is pairwise_sum's own, so
// the total is bit for bit pairwise_sum of the finished array, while each
// leaf is summed while it is still in cache (one pass over memory, not
// two). A plain function pointer, not a template: one call per leaf costs
// nothing measurable, and the tree's code is not repeated for every loss.
using PairwiseLeaf = double (*)(void* context, std::size_t begin, std::size_t count);
double pairwise_sum_of(std::size_t n, PairwiseLeaf leaf, void* context);

}  // namespace lossplay
