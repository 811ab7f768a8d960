// The registry: one entry per loss, assembled from the group files
// (losses_regression.cpp, losses_binary.cpp, ...), where each loss's entry
// sits beside its implementation. Adding a loss touches its group file only;
// the bindings, the page and the tests pick it up from here.
#include "lossplay/registry.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay {
namespace {

// Built on first use (tests query the registry during static
// initialisation, so it must not depend on other namespace-scope objects).
// The order of the groups is the order the page lists them in.
std::vector<LossSpec> build_registry() {
  std::vector<LossSpec> r;
  detail::add_regression_losses(r);
  detail::add_binary_losses(r);
  detail::add_multiclass_losses(r);
  detail::add_ranking_losses(r);
  detail::add_probabilistic_losses(r);
  return r;
}


// Names joined by ", " for an error's list parameter (never empty: every
// loss has arguments and reductions, and an empty option list has its own code).
std::string join_names(const std::vector<std::string_view>& names) {
  std::string s;
  for (std::string_view n : names) {
    if (!s.empty()) s += ", ";
    s += n;
  }
  return s;
}

// Whether none of the n values is Infinity or NaN: x - x is 0 for a finite
// x and NaN otherwise, summed without a branch on four accumulators (one
// would chain every addition on the last: 4x slower, a quarter of MSE's time).
bool all_finite(const double* v, std::size_t n) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    a0 += v[i] - v[i];
    a1 += v[i + 1] - v[i + 1];
    a2 += v[i + 2] - v[i + 2];
    a3 += v[i + 3] - v[i + 3];
  }
  for (; i < n; ++i) a0 += v[i] - v[i];
  return (a0 + a1) + (a2 + a3) == 0;
}

bool all_finite(const std::vector<double>& v) { return all_finite(v.data(), v.size()); }

// The index of the first element of `v` that is Infinity or NaN, or v.size().
std::size_t first_non_finite(const std::vector<double>& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i])) return i;
  return v.size();
}

// Finite inputs gave a non-finite loss or gradient: float64 overflowed.
// Names the first such element: of the per-element loss (asking the loss
// for reduction "none" when the result was reduced), else of the gradient,
// else the reduced loss itself (its terms were finite, their sum was not).
// Where the entry names a PyTorch function, our arithmetic is PyTorch's, so
// PyTorch overflows there too (tests/golden/gen_overflow.py checks it).
[[noreturn]] void throw_overflow(const LossSpec& spec, const Arguments& args, const Options& options,
                                 Reduction reduction, const LossResult& r) {
  std::string tensor = "loss";
  std::vector<std::size_t> index;
  double value = 0;
  bool found = false;
  const std::size_t bad_loss = first_non_finite(r.loss.data);
  if (bad_loss < r.loss.data.size() && !r.loss.shape.empty()) {
    index = detail::element_index(r.loss.shape, bad_loss);
    value = r.loss.data[bad_loss];
    found = true;
  } else if (bad_loss < r.loss.data.size() && reduction != Reduction::None) {
    const LossResult terms = spec.evaluate(args, options, Reduction::None);
    const std::size_t bad = first_non_finite(terms.loss.data);
    if (bad < terms.loss.data.size() && !terms.loss.shape.empty()) {
      index = detail::element_index(terms.loss.shape, bad);
      value = terms.loss.data[bad];
      found = true;
    }
  }
  const std::size_t bad_grad = first_non_finite(r.grad.data);
  if (!found && bad_grad < r.grad.data.size()) {
    tensor = r.grad_arg + ".grad";
    index = detail::element_index(r.grad.shape, bad_grad);
    value = r.grad.data[bad_grad];
  } else if (!found) {
    value = r.loss.data[bad_loss];
  }
  // And the input of largest magnitude, the likely cause: a loss of one
  // row, or a sum, has no element of its own to point at.
  std::string_view arg;
  std::vector<std::size_t> arg_index;
  double largest = -1;
  for (const NamedTensor& t : args.tensors())
    for (std::size_t i = 0; i < t.view.size; ++i)
      if (std::fabs(t.view[i]) > largest) {
        largest = std::fabs(t.view[i]);
        arg = t.name;
        arg_index = detail::element_index(t.view.shape, i);
      }
  std::vector<ErrorParam> params = {{"loss", spec.name}, {"tensor", tensor},  {"at", index},
                                    {"value", value},    {"arg", arg},        {"index", arg_index},
                                    {"largest", largest}};
  if (spec.pytorch.empty()) throw InputError("overflow", std::move(params));
  params.emplace_back("pytorch", spec.pytorch);
  throw InputError("overflow_like_pytorch", std::move(params));
}

}  // namespace

bool OptionSpec::accepts(double v) const {
  if (std::isnan(v)) return false;
  if (type == OptionType::Integer && v != std::floor(v)) return false;
  if (type == OptionType::Boolean) return v == 0 || v == 1;
  bool above = min_inclusive ? v >= min : v > min;
  bool below = max_inclusive ? v <= max : v < max;
  return above && below;
}

std::string OptionSpec::range_text() const {
  if (type == OptionType::Boolean) return "true or false";
  return (type == OptionType::Integer ? "a whole number in " : "") + interval();
}

std::string OptionSpec::interval() const {
  const auto end = [](double v) {
    return std::isinf(v) ? std::string(v < 0 ? "-inf" : "inf") : detail::number_text(v);
  };
  return (min_inclusive && !std::isinf(min) ? "[" : "(") + end(min) + ", " + end(max) +
         (max_inclusive && !std::isinf(max) ? "]" : ")");
}

const TensorView* Arguments::find(std::string_view name) const {
  for (const NamedTensor& t : tensors_)
    if (t.name == name) return &t.view;
  return nullptr;
}

const TensorView& Arguments::get(std::string_view name) const {
  if (const TensorView* t = find(name)) return *t;
  throw InputError("missing_argument", {{"arg", name}});
}

double Options::get(std::string_view name) const {
  for (const NamedOption& o : values_)
    if (o.name == name) return o.value;
  throw InputError("missing_option", {{"option", name}});
}

const OptionSpec* LossSpec::find_option(std::string_view option) const {
  for (const OptionSpec& o : options)
    if (o.name == option) return &o;
  return nullptr;
}

const ArgSpec* LossSpec::find_arg(std::string_view arg) const {
  for (const ArgSpec& a : args)
    if (a.name == arg) return &a;
  return nullptr;
}

const ArgSpec& LossSpec::prediction_arg() const {
  for (const ArgSpec& a : args)
    if (a.role == ArgRole::Prediction) return a;
  return *args.begin();
}

const std::vector<LossSpec>& registry() {
  static const std::vector<LossSpec> table = build_registry();
  return table;
}

const LossSpec* find_loss(std::string_view name) {
  for (const LossSpec& s : registry())
    if (s.name == name) return &s;
  return nullptr;
}

LossResult evaluate(std::string_view loss, std::vector<NamedTensor> args,
                    const std::vector<NamedOption>& options, std::string_view reduction, bool terms_wanted) {
  const LossSpec* spec = find_loss(loss);
  if (!spec) {
    std::vector<std::string_view> names;
    for (const LossSpec& s : registry()) names.push_back(s.name);
    throw InputError("unknown_loss", {{"loss", loss}, {"losses", join_names(names)}});
  }
  const std::string_view who = spec->name;

  std::optional<Reduction> red = reduction_from_string(reduction);
  bool offered = false;
  std::vector<std::string_view> offered_names;
  for (Reduction r : spec->reductions) {
    offered_names.push_back(to_string(r));
    offered = offered || (red && *red == r);
  }
  if (!offered)
    throw InputError("reduction_unavailable",
                     {{"reduction", reduction}, {"loss", who}, {"reductions", join_names(offered_names)}});

  std::vector<NamedOption> values;
  for (const OptionSpec& o : spec->options) values.push_back({std::string(o.name), o.default_value});
  for (const NamedOption& given : options) {
    const OptionSpec* o = spec->find_option(given.name);
    if (!o) {
      std::vector<std::string_view> names;
      for (const OptionSpec& known : spec->options) names.push_back(known.name);
      if (names.empty()) throw InputError("loss_has_no_options", {{"option", given.name}, {"loss", who}});
      throw InputError("unknown_option", {{"option", given.name}, {"loss", who}, {"options", join_names(names)}});
    }
    if (!o->accepts(given.value)) {
      if (o->type == OptionType::Boolean)
        throw InputError("option_not_boolean", {{"option", o->name}, {"loss", who}, {"value", given.value}});
      throw InputError(o->type == OptionType::Integer ? "option_not_whole" : "option_out_of_range",
                       {{"option", o->name}, {"loss", who}, {"range", o->interval()}, {"value", given.value}});
    }
    for (NamedOption& v : values)
      if (v.name == given.name) v.value = given.value;
  }

  for (const NamedTensor& t : args) {
    if (!spec->find_arg(t.name)) {
      std::vector<std::string_view> names;
      for (const ArgSpec& a : spec->args) names.push_back(a.name);
      throw InputError("unknown_argument", {{"arg", t.name}, {"loss", who}, {"args", join_names(names)}});
    }
    if (t.view.size != element_count(t.view.shape))
      throw InputError("count_mismatch", {{"arg", t.name},
                                          {"count", t.view.size},
                                          {"shape", t.view.shape},
                                          {"needed", element_count(t.view.shape)}});
  }
  for (const ArgSpec& a : spec->args) {
    bool given = false;
    for (const NamedTensor& t : args) given = given || t.name == a.name;
    if (a.required && !given) throw InputError("needs_argument", {{"loss", who}, {"arg", a.name}});
  }

  bool finite_options = true;
  for (const NamedOption& o : values) finite_options = finite_options && std::isfinite(o.value);
  Arguments arguments(std::move(args));
  arguments.set_terms_wanted(terms_wanted);
  const Options opts(std::move(values));
  LossResult r = spec->evaluate(arguments, opts, *red);
  // One check for every loss: a non-finite result from finite input is an
  // overflow, never returned as a number. (Non-finite input is the user's
  // own: its result goes back as the loss computes it.) The input is
  // scanned only when the result is not finite.
  if (!r.nan_is_defined && !(all_finite(r.loss.data) && (r.grad_finite || all_finite(r.grad.data))) &&
      finite_options) {
    bool finite_input = true;
    for (const NamedTensor& t : arguments.tensors()) finite_input = finite_input && all_finite(t.view.data, t.view.size);
    if (finite_input) throw_overflow(*spec, arguments, opts, *red, r);
  }
  return r;
}

}  // namespace lossplay
