// The errors the core raises: a stable code, its parameters, and an English
// message built from both. A user interface words an error in its own
// language from the code and the parameters; it never reads the message.
//
// Every code, with its parameters and English template, is listed once in
// error_codes() (cpp/src/error_codes.cpp); the web page's translations
// (web/src/i18n/strings/errors.js) are checked against that table.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "lossplay/text.hpp"

namespace lossplay {

// A parameter's value: a name or token (string), a number (any double,
// NaN and infinities included), or a list of sizes (a shape, or the index
// of an element: [1, 2] for input[1, 2]).
using ErrorValue = std::variant<std::string, double, std::vector<std::size_t>>;

// Its name is a literal ("arg", "index"): a Text, so that building an
// error's parameters copies no name.
struct ErrorParam {
  Text name;
  ErrorValue value;

  ErrorParam(Text n, std::string v) : name(n), value(std::move(v)) {}
  ErrorParam(Text n, std::string_view v) : name(n), value(std::string(v)) {}
  ErrorParam(Text n, const char* v) : name(n), value(std::string(v)) {}
  ErrorParam(Text n, std::vector<std::size_t> v) : name(n), value(std::move(v)) {}
  template <class T, class = std::enable_if_t<std::is_arithmetic_v<T>>>
  ErrorParam(Text n, T v) : name(n), value(static_cast<double>(v)) {}
};

// The base of every error the core raises.
class Error : public std::invalid_argument {
 public:
  // The message is the code's English template (see error_codes()) filled
  // in with `params`.
  Error(std::string code, std::vector<ErrorParam> params);

  // A stable snake_case identifier: "shape_mismatch", "not_a_number", ...
  const std::string& code() const { return code_; }
  // In the order the template names them.
  const std::vector<ErrorParam>& params() const { return params_; }
  // nullptr when the error has no parameter of that name.
  const ErrorValue* param(std::string_view name) const;

 private:
  std::string code_;
  std::vector<ErrorParam> params_;
};

// Invalid input to a loss: a shape mismatch, a value out of its domain,
// an unknown loss or option, an option out of range.
class InputError : public Error {
 public:
  using Error::Error;
};

// Pasted text that is not a list or matrix of numbers. Its params always
// hold `line` and `column` (1-based, counted in characters, i.e. code
// points, not bytes) and `token` (the text found there, cut after 32
// characters).
class ParseError : public Error {
 public:
  ParseError(std::string code, std::size_t line, std::size_t column, std::string token,
             std::vector<ErrorParam> more = {});

  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }
  const std::string& token() const { return token_; }

 private:
  std::size_t line_;
  std::size_t column_;
  std::string token_;
};

// The `kind` the bindings report a code under: a ParseError, an InputError,
// or "internal" (anything else that escaped the core: a bug).
enum class ErrorKind { Parse, Input, Internal };

// One row of the table of codes.
struct ErrorCode {
  Text code;
  ErrorKind kind;
  std::initializer_list<Text> params;  // every parameter an error of this code carries
  Text english;                        // the template: "{arg} is empty: ..."
};

// Every code the core and its bindings raise, in one table (constant data).
std::span<const ErrorCode> error_codes();

// nullptr for a code the table lacks.
const ErrorCode* find_error_code(std::string_view code);

// Fills `{name}` placeholders of `text` from `params`: a string as it is,
// a number as its shortest round-trip text ("0.1", "-1e-8", "nan", "inf"),
// a list as "[2, 3]". Braces that do not name a parameter stay as they are.
std::string fill_template(std::string_view text, const std::vector<ErrorParam>& params);

}  // namespace lossplay
