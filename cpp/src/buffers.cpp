// lossplay/buffers.hpp: one result buffer kept for the next compute of the same size.
#include "lossplay/buffers.hpp"

#include <utility>

namespace lossplay {
namespace {

constexpr std::size_t kSmallest = std::size_t{1} << 12;  // below: zero-filling costs next to nothing
constexpr std::size_t kLargest = std::size_t{1} << 21;   // above: not held between computes

thread_local std::vector<double> spare;

}  // namespace

void recycle(std::vector<double>&& numbers) {
  if (numbers.size() >= kSmallest && numbers.size() <= kLargest) spare = std::move(numbers);
}

namespace detail {

std::vector<double> reused_or_new(std::size_t n) {
  if (spare.size() == n) return std::move(spare);  // leaves spare empty
  return std::vector<double>(n);
}

}  // namespace detail
}  // namespace lossplay
