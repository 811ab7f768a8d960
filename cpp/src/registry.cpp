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
                    const std::vector<NamedOption>& options, std::string_view reduction) {
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

  return spec->evaluate(Arguments(std::move(args)), Options(std::move(values)), *red);
}

}  // namespace lossplay
