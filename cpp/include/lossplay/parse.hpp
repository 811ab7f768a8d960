// Reading numbers from pasted text.
#pragma once

#include <string_view>

#include "lossplay/tensor.hpp"

namespace lossplay {

// Parses numbers separated by spaces, tabs, commas, semicolons or newlines,
// including the full-width forms a Chinese input method types (，；、 and the
// ideographic space) and full-width digits, signs and decimal points.
//
// The shape follows the lines: text on one line, or one number per line,
// gives a vector {n}; several lines of several numbers give a matrix
// {rows, cols}, and every row must have the same count. Blank lines are
// skipped. Throws ParseError naming the line, column and token.
Tensor parse_numbers(std::string_view text);

}  // namespace lossplay
