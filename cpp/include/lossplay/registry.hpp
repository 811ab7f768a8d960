// The one registry of losses: everything the page, the bindings and the
// tests know about a loss comes from its entry here. The structs are
// aggregates, so an entry is written as data with designated initializers
// (fields in declaration order).
//
// They are also literal types with no owning member (text is a Text, a
// string_view of a literal; lists are initializer lists), so each group's entries are
// one constexpr array: constant data in the binary, not code that builds
// strings and vectors at start-up (that code was a third of the wasm).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lossplay/reduction.hpp"
#include "lossplay/tensor.hpp"
#include "lossplay/text.hpp"

namespace lossplay {

enum class OptionType { Real, Integer, Boolean };

// An option (a keyword argument in PyTorch) with its default and range.
struct OptionSpec {
  Text name;   // PyTorch's keyword: "delta", "margin", ...
  Text label;  // how a formula writes it: "δ"
  OptionType type = OptionType::Real;
  double default_value = 0;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_inclusive = true;
  bool max_inclusive = true;
  Text help_en;
  Text help_zh;

  bool accepts(double value) const;
  std::string range_text() const;  // "(0, inf)", "a whole number in [1, 2]", "true or false"
  std::string interval() const;    // just the interval, whatever the type: "(0, inf)", "[1, 2]"
};

enum class ArgRole {
  Prediction,  // what the gradient is taken with respect to
  Target,
  Weight,      // optional rescaling
  Extra,       // another input: a variance, the second input of a ranking loss, ...
};

// A tensor argument, named as in torch.nn.functional.
struct ArgSpec {
  Text name;  // "input", "target", "weight", ...
  ArgRole role = ArgRole::Prediction;
  bool required = true;
  Text shape_en;  // what it should look like: "same as input", "[N, C]", ...
  Text shape_zh;  // the same in Chinese: "与 input 相同"
  Text help_en;
  Text help_zh;
};

struct NamedTensor {
  std::string name;
  TensorView view;
};

struct NamedOption {
  std::string name;
  double value;
};

// The arguments a loss receives, already checked against its ArgSpecs.
class Arguments {
 public:
  explicit Arguments(std::vector<NamedTensor> tensors) : tensors_(std::move(tensors)) {}
  // The named tensor; throws InputError when a required one is missing.
  const TensorView& get(std::string_view name) const;
  // nullptr when the optional argument was not given.
  const TensorView* find(std::string_view name) const;
  const std::vector<NamedTensor>& tensors() const { return tensors_; }
  // Whether the caller will read LossResult::terms of a reduced result. A
  // loss may then skip storing them (pointwise() keeps each block of them
  // in cache only, for the sum); it may also fill them anyway.
  bool terms_wanted() const { return terms_wanted_; }
  void set_terms_wanted(bool wanted) { terms_wanted_ = wanted; }

 private:
  std::vector<NamedTensor> tensors_;
  bool terms_wanted_ = true;
};

// Option values with defaults filled in and ranges checked.
class Options {
 public:
  explicit Options(std::vector<NamedOption> values) : values_(std::move(values)) {}
  double get(std::string_view name) const;
  bool flag(std::string_view name) const { return get(name) != 0; }

 private:
  std::vector<NamedOption> values_;
};

struct LossResult {
  Tensor loss;           // shape {} for mean and sum
  Tensor grad;           // d(sum of loss)/d(prediction), shaped like it
  // The per-element (per-sample) losses before reduction, from the same
  // pass: what reduction 'none' gives. Empty when the reduction is 'none'
  // (then `loss` holds them): use per_element().
  Tensor terms;
  std::string grad_arg;  // the name of the prediction argument
  // Set where a NaN is the loss's defined answer, not an overflow: a mean
  // over no targets (PyTorch's 0/0, tests/golden/extra-multirank.json).
  // evaluate() lets such a result through as it is.
  bool nan_is_defined = false;
  // Set by a kernel that checked every gradient element for Infinity and
  // NaN in its own pass (found none), so evaluate() need not scan `grad`
  // again. Whoever changes grad afterwards must clear it.
  bool grad_finite = false;

  const Tensor& per_element() const { return terms.data.empty() && terms.shape.empty() ? loss : terms; }
};

// The reductions a loss offers, in the order the page lists them: held by
// value (at most the four there are), so an entry can write
// `{Reduction::Mean}` or all_reductions() without a list to point at.
class ReductionSet {
 public:
  constexpr ReductionSet() = default;
  constexpr ReductionSet(std::initializer_list<Reduction> list) {
    for (Reduction r : list) items_[size_++] = r;  // a fifth would not compile: out of bounds
  }
  constexpr const Reduction* begin() const { return items_; }
  constexpr const Reduction* end() const { return items_ + size_; }
  constexpr std::size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }

 private:
  Reduction items_[4] = {};
  unsigned char size_ = 0;
};

using LossFunction = LossResult (*)(const Arguments&, const Options&, Reduction);

struct LossSpec {
  Text name;        // the conformance name: "mse_loss", "rmse", ...
  Text short_name;  // what the page's checkbox says: "MSE"
  Text short_zh;    // the same in Chinese: "平滑 L1"
  Text title_en;    // "Mean squared error"
  Text title_zh;    // "均方误差"
  Text group;       // "regression", "binary", "multiclass", ...
  Text pytorch;     // "torch.nn.functional.mse_loss", or "" if PyTorch lacks it
  // The lists' elements live as long as the entry: entries are constexpr
  // arrays at namespace scope, whose lists' arrays are static too.
  std::initializer_list<ArgSpec> args;
  std::initializer_list<OptionSpec> options;
  ReductionSet reductions;
  Reduction default_reduction = Reduction::Mean;
  Text formula;   // TeX of the loss under its default reduction
  Text gradient;  // TeX of the gradient with respect to the prediction
  Text note_en;   // a short remark on how it behaves
  Text note_zh;
  LossFunction evaluate = nullptr;

  const OptionSpec* find_option(std::string_view option) const;
  const ArgSpec* find_arg(std::string_view arg) const;
  const ArgSpec& prediction_arg() const;
};

// Every loss, in the order the page lists them.
const std::vector<LossSpec>& registry();

// nullptr for a name the registry does not have.
const LossSpec* find_loss(std::string_view name);

// Checks the names, options and reduction against the registry, fills in
// defaults and runs the loss. Throws InputError with a message for anything
// invalid: an unknown loss, argument or option, a missing argument, an
// option out of range, a reduction the loss does not offer; and, when every
// input and option is finite but the loss or its gradient is not (float64
// overflowed), code "overflow" or "overflow_like_pytorch" naming the first
// such element. Non-finite input goes through as the loss computes it.
// With terms_wanted false, a reduced result's `terms` may come back empty
// (see Arguments::terms_wanted): for a caller that reads only the value and
// the gradient.
LossResult evaluate(std::string_view loss, std::vector<NamedTensor> args,
                    const std::vector<NamedOption>& options,
                    std::string_view reduction = "mean", bool terms_wanted = true);

}  // namespace lossplay
