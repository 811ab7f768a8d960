// Text: the type of the registry's and the error table's strings, a
// string_view of a string literal.
#pragma once

#include <cstddef>
#include <string_view>

namespace lossplay {

// A string_view of a string literal, whose length it takes from the array's
// size (so give it literals only, not a char buffer). Why not string_view
// itself: GCC 12 cannot constant-evaluate string_view's length-counting
// constructor for an element of a constexpr initializer list ("modification
// of '<temporary>' is not a constant expression"), and the registry's lists
// are exactly that. (Not consteval: Clang 14 crashes on a consteval
// constructor of a derived class called outside a constant expression.)
// Being a string_view, it compares, prints and converts like one.
struct Text : std::string_view {
  constexpr Text() = default;
  template <std::size_t N>
  constexpr Text(const char (&literal)[N]) : std::string_view(literal, N - 1) {}
};

}  // namespace lossplay
