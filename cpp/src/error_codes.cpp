// The table of error codes: each code the core and its bindings raise, the
// parameters an error of that code carries, and its English template. The
// page's translations (web/src/i18n/strings/errors.js) hold one template per
// code and language with the same placeholders; a ctest checks the two agree.
//
// Conventions, kept stable because translations depend on them:
// - codes and parameter names are snake_case;
// - arg, other: an argument's name ("input", "target", "var", ...);
//   index: the position of an element, a list ([1, 2] for input[1, 2]);
//   shape, other_shape, ..._shape: a shape, a list of sizes;
//   value, limit, count, classes, last, line, column: numbers;
//   loss, option, reduction, token: strings as the user gave them;
//   losses, options, args, reductions: names joined by ", " (never empty);
//   range: an interval written "(0, inf)" or "[0, 1]";
//   tensor: "loss" or "<arg>.grad", at: an index into it; pytorch: a PyTorch function's name;
//   shapes: arguments with their shapes, "input [2, 3], target [2]";
//   detail: an exception's own text (English, untranslated).
// - A code is never renamed or given new parameters: add a new code instead.
#include <cmath>

#include "kernels.hpp"
#include "lossplay/error.hpp"

namespace lossplay {

namespace {

using K = ErrorKind;

constexpr ErrorCode table[] = {
    // parse.cpp: pasted text
    {"not_a_number", K::Parse, {"line", "column", "token"},
     R"(line {line}, column {column}: expected a number, found "{token}")"},
    {"not_finite", K::Parse, {"line", "column", "token"},
     R"(line {line}, column {column}: expected a finite number, found "{token}")"},
    {"out_of_range", K::Parse, {"line", "column", "token"},
     R"(line {line}, column {column}: expected a number within the float64 range, found "{token}")"},
    // token: the first number of the short row.
    {"ragged_rows", K::Parse, {"line", "column", "token", "count", "first_line", "first_count"},
     "line {line} has a row of length {count} but line {first_line} has one of length "
     "{first_count}: every row of a matrix needs the same length"},

    // registry.cpp: names, options, arguments
    {"unknown_loss", K::Input, {"loss", "losses"}, "unknown loss '{loss}'; the losses are: {losses}"},
    {"reduction_unavailable", K::Input, {"reduction", "loss", "reductions"},
     "reduction '{reduction}' is not available for {loss}; choose {reductions}"},
    {"unknown_option", K::Input, {"option", "loss", "options"},
     "unknown option '{option}' for {loss}; its options are: {options}"},
    {"loss_has_no_options", K::Input, {"option", "loss"},
     "unknown option '{option}' for {loss}; its options are: none"},
    {"option_out_of_range", K::Input, {"option", "loss", "range", "value"},
     "option {option} of {loss} must be {range}, got {value}"},
    {"option_not_whole", K::Input, {"option", "loss", "range", "value"},
     "option {option} of {loss} must be a whole number in {range}, got {value}"},
    {"option_not_boolean", K::Input, {"option", "loss", "value"},
     "option {option} of {loss} must be true or false, got {value}"},
    {"unknown_argument", K::Input, {"arg", "loss", "args"},
     "unknown argument '{arg}' for {loss}; its arguments are: {args}"},
    {"count_mismatch", K::Input, {"arg", "count", "shape", "needed"},
     "{arg} has {count} numbers but its shape {shape} needs {needed}"},
    {"needs_argument", K::Input, {"loss", "arg"}, "{loss} needs the argument '{arg}'"},
    {"missing_argument", K::Input, {"arg"}, "missing argument '{arg}'"},
    {"missing_option", K::Input, {"option"}, "missing option '{option}'"},
    {"shape_too_large", K::Input, {"shape"}, "shape {shape} has more elements than memory can hold"},

    // kernels.cpp: checks shared by the losses
    {"empty_argument", K::Input, {"arg"}, "{arg} is empty: give at least one number"},
    {"shape_mismatch", K::Input, {"arg", "shape", "other", "other_shape"},
     "{arg} has shape {shape} but {other} has shape {other_shape}: they must match element for element"},

    // losses_regression.cpp
    {"msle_domain", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: MSLE takes log(1 + value), so every value must be greater than -1"},

    // losses_binary.cpp
    {"bce_probability", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: binary cross-entropy takes probabilities in [0, 1] (use "
     "binary_cross_entropy_with_logits for raw scores)"},
    {"pos_weight_shape", K::Input, {"arg", "shape", "other_shape", "classes"},
     "{arg} has shape {shape} but must have the input's shape {other_shape} or one weight per "
     "class, [{classes}]"},
    {"focal_label", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: the focal loss takes labels in [0, 1]"},

    // losses_multiclass.cpp
    {"class_scores_scalar", K::Input, {"arg"},
     "{arg} is a single number; it needs one score per class: [C] or [N, C]"},
    {"class_scores_empty", K::Input, {"arg"}, "{arg} is empty: give at least one row of class scores"},
    {"class_weight_shape", K::Input, {"arg", "shape", "classes"},
     "{arg} has shape {shape} but needs one weight per class, [{classes}]"},
    {"class_weight_or_input_shape", K::Input, {"arg", "shape", "classes", "other_shape"},
     "{arg} has shape {shape} but needs one weight per class, [{classes}], or the input's shape "
     "{other_shape}"},
    {"class_index_not_whole", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: a class index must be a whole number"},
    {"class_index_out_of_range", K::Input, {"arg", "index", "value", "classes", "last"},
     "{arg}{index} is {value} but input has {classes} classes: a class index runs from 0 to {last}"},
    {"class_index_out_of_range_or_ignored", K::Input,
     {"arg", "index", "value", "classes", "last", "ignore_index"},
     "{arg}{index} is {value} but input has {classes} classes: a class index runs from 0 to {last} "
     "(or is ignore_index, {ignore_index})"},
    {"class_target_shape", K::Input, {"arg", "shape", "other", "other_shape", "index_shape"},
     "{arg} has shape {shape} but {other} has {other_shape}: give class indices of shape "
     "{index_shape} or class probabilities of shape {other_shape}"},
    {"ignore_index_with_probabilities", K::Input, {"value"},
     "ignore_index is {value} but target holds class probabilities: ignore_index applies to class "
     "indices only (leave it at -100)"},
    {"index_target_shape", K::Input, {"arg", "shape", "loss", "index_shape"},
     "{arg} has shape {shape} but {loss} needs one class index per sample, shape {index_shape}"},
    {"margin_input_rank", K::Input, {"arg", "shape", "loss"},
     "{arg} has shape {shape}: {loss} takes class scores of shape [C] or [N, C]"},
    {"row_target_shape", K::Input, {"arg", "shape", "other", "other_shape", "index_shape"},
     "{arg} has shape {shape} but {other} has {other_shape}: give one class index per row, "
     "shape {index_shape}"},

    // losses_ranking.cpp
    {"cosine_target_rank", K::Input, {"arg", "shape"},
     "{arg} has shape {shape}: give one label per row, [N], or a single label for unbatched [D] inputs"},
    {"cosine_shapes", K::Input, {"arg", "shape", "other", "other_shape"},
     "{arg} has shape {shape} but {other} has shape {other_shape}: pair [N, D] inputs with an [N] "
     "target, or [D] inputs with a scalar target"},

    // losses_probabilistic.cpp
    {"poisson_rate_domain", K::Input, {"arg", "index", "value", "limit"},
     "{arg}{index} is {value}: with log_input false the input is a rate and the loss takes "
     "log(input + eps), so each input must be greater than -eps ({limit})"},
    {"keras_poisson_domain", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: the Poisson loss takes log(input + 1e-7), so each input must be "
     "greater than -1e-7"},
    {"kl_target_domain", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: with log_target false the target holds probabilities, which must be "
     "numbers >= 0 (set log_target for log-probabilities)"},
    {"negative_variance", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: a variance must be a number >= 0"},
    {"gaussian_target_shape", K::Input, {"arg", "shape", "other", "other_shape"},
     "{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must have the {other}'s "
     "shape, or that shape with one dimension equal to 1"},
    {"gaussian_var_shape", K::Input, {"arg", "shape", "other", "other_shape", "row_shape", "rows_shape"},
     "{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must be {other_shape} (one "
     "variance per element), {row_shape} or {rows_shape} (one variance per row)"},
    {"gaussian_var_scalar_shape", K::Input, {"arg", "shape", "other", "other_shape"},
     "{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must be [] or [1]"},

    // registry.cpp: finite input, non-finite result. tensor{at}: the first
    // such element, of "loss" (before reduction) or "<arg>.grad";
    // arg{index}: the input of largest magnitude, `largest`; pytorch: the
    // entry's PyTorch function, which overflows too.
    {"overflow", K::Input, {"loss", "tensor", "at", "value", "arg", "index", "largest"},
     "{tensor}{at} of {loss} is {value} although every input and option is finite: the arithmetic "
     "overflowed float64 (the largest magnitude given is {arg}{index}, {largest}); use smaller numbers"},
    {"overflow_like_pytorch", K::Input, {"loss", "tensor", "at", "value", "arg", "index", "largest", "pytorch"},
     "{tensor}{at} of {loss} is {value} although every input and option is finite: the arithmetic "
     "overflowed float64 (the largest magnitude given is {arg}{index}, {largest}), as it does in "
     "PyTorch's {pytorch}; use smaller numbers"},

    // fit*.cpp: the line ŷ = w·x + b fitted with a loss.
    // option: a setting of the fit ("learning_rate", "steps", "columns", ...).
    {"fit_not_finite", K::Input, {"arg", "index", "value"},
     "{arg}{index} is {value}: a fit needs finite numbers"},
    {"fit_loss_unsupported", K::Input, {"loss"},
     "{loss} cannot fit w·x + b: it needs more than input and target"},
    {"fit_no_exact_method", K::Input, {"loss"},
     "no exact solver for {loss}: use an optimiser"},
    {"fit_label_unit", K::Input, {"loss", "arg", "index", "value"},
     "{arg}{index} is {value}: {loss} fits labels in [0, 1]"},
    {"fit_label_signed", K::Input, {"loss", "arg", "index", "value"},
     "{arg}{index} is {value}: {loss} fits labels -1 and +1"},
    {"fit_setting_out_of_range", K::Input, {"option", "range", "value"},
     "the fit's {option} must be in {range}, got {value}"},

    // cpp/bindings/wasm/bindings.cpp: what JS hands the core
    {"argument_not_tensor", K::Input, {"arg"}, "argument '{arg}' must be {data, shape}"},
    {"bad_shape_sizes", K::Input, {"arg"}, "the shape of '{arg}' must list whole, non-negative sizes"},
    {"reduction_not_string", K::Input, {},
     R"(reduction must be "none", "mean" or "sum")"},
    {"option_not_number", K::Input, {"option"}, "option {option} must be a number or a boolean"},
    // Resident tensors (lp.tensor, lp.parseTensor): arg is the argument the
    // freed handle was given as ("tensor" for the handle's own methods).
    {"tensor_freed", K::Input, {"arg"}, "{arg} is a tensor handle that has been freed"},
    {"column_out_of_range", K::Input, {"column", "shape"},
     "there is no column {column} in a tensor of shape {shape}: column() takes a [rows, columns] "
     "tensor and a column from 0 to columns - 1"},
    // Any other exception: a bug. detail is its what(), untranslated;
    // shapes: each argument with its shape, "input [2, 3], target [2]".
    {"internal", K::Internal, {"loss", "shapes", "detail"},
     "internal error in lossplay (a bug, not a fault of the input: please report it) computing {loss} "
     "with {shapes}: {detail}"},
    {"internal_parse", K::Internal, {"detail"},
     "internal error in lossplay (a bug, not a fault of the input: please report it) reading the "
     "numbers: {detail}"},
};

}  // namespace

std::span<const ErrorCode> error_codes() { return table; }

const ErrorCode* find_error_code(std::string_view code) {
  for (const ErrorCode& c : error_codes())
    if (c.code == code) return &c;
  return nullptr;
}

namespace {

std::string value_text(const ErrorValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<double>(&v)) return detail::number_text(*d);
  return shape_to_string(std::get<std::vector<std::size_t>>(v));
}

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string fill_template(std::string_view text, const std::vector<ErrorParam>& params) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      std::size_t end = i + 1;
      while (end < text.size() && is_word(text[end])) ++end;
      if (end < text.size() && text[end] == '}' && end > i + 1) {
        const std::string_view name = text.substr(i + 1, end - i - 1);
        const ErrorParam* found = nullptr;
        for (const ErrorParam& p : params)
          if (p.name == name) found = &p;
        if (found) {
          out += value_text(found->value);
          i = end + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

namespace {

// An unknown code cannot happen in a tested build (every throw site is
// covered); the message then says so rather than being empty.
std::string message_of(std::string_view code, const std::vector<ErrorParam>& params) {
  const ErrorCode* c = find_error_code(code);
  return c ? fill_template(c->english, params) : "error " + std::string(code);
}

std::vector<ErrorParam> with_place(std::size_t line, std::size_t column, const std::string& token,
                                   std::vector<ErrorParam> more) {
  std::vector<ErrorParam> p = {{"line", line}, {"column", column}, {"token", token}};
  for (ErrorParam& m : more) p.push_back(std::move(m));
  return p;
}

}  // namespace

Error::Error(std::string code, std::vector<ErrorParam> params)
    : std::invalid_argument(message_of(code, params)), code_(std::move(code)), params_(std::move(params)) {}

const ErrorValue* Error::param(std::string_view name) const {
  for (const ErrorParam& p : params_)
    if (p.name == name) return &p.value;
  return nullptr;
}

ParseError::ParseError(std::string code, std::size_t line, std::size_t column, std::string token,
                       std::vector<ErrorParam> more)
    : Error(std::move(code), with_place(line, column, token, std::move(more))),
      line_(line),
      column_(column),
      token_(std::move(token)) {}

}  // namespace lossplay
