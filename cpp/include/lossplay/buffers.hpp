// One result buffer kept for the next compute of the same size: the wasm
// bindings hand a compute's gradient back once it has been copied out, and
// the next pointwise loss over as many elements writes its gradient into it
// instead of zero-filling fresh memory first (about a tenth of a fast
// loss's time at 1e6 elements). Only one buffer, of 4096 to 2^21 doubles
// (32 KB to 16 MB), is kept: the memory held stays small beside a
// million-row compute's own. Per thread.
#pragma once

#include <cstddef>
#include <vector>

namespace lossplay {

// Hands a result's numbers back once they have been copied out: kept if
// their size is worth keeping (replacing the one kept before).
void recycle(std::vector<double>&& numbers);

namespace detail {

// n doubles: the kept buffer when it has that size (its contents
// unspecified: only for a caller that writes every element), else a new
// zero-filled vector.
std::vector<double> reused_or_new(std::size_t n);

}  // namespace detail
}  // namespace lossplay
