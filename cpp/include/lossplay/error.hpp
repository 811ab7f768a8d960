// The errors the core raises. Each carries a message a user can act on.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace lossplay {

// Invalid input to a loss: a shape mismatch, a value out of its domain,
// an unknown loss or option, an option out of range.
class InputError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Pasted text that is not a list or matrix of numbers. `line` and `column`
// are 1-based and count characters (code points), not bytes.
class ParseError : public std::invalid_argument {
 public:
  ParseError(std::string code, std::size_t line, std::size_t column,
             std::string token, const std::string& message)
      : std::invalid_argument(message),
        code_(std::move(code)),
        line_(line),
        column_(column),
        token_(std::move(token)) {}

  // A stable identifier for the kind of error ("not_a_number", ...), so
  // that a user interface can word it in its own language.
  const std::string& code() const { return code_; }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& token() const { return token_; }

 private:
  std::string code_;
  std::size_t line_;
  std::size_t column_;
  std::string token_;
};

}  // namespace lossplay
