// Accurate sums over long arrays.
#pragma once

#include <cstddef>

namespace lossplay {

// Pairwise summation: the rounding error grows with log(n) rather than n,
// so a mean over millions of elements keeps its digits. Blocks of 128 are
// summed directly, which keeps the loop fast and vectorisable.
double pairwise_sum(const double* values, std::size_t n);

}  // namespace lossplay
