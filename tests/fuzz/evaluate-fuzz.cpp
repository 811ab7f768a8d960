// libFuzzer harness for evaluate() over every registry entry: the bytes pick
// a loss, a reduction, shapes (sometimes not matching the data's length),
// values (NaN, infinities, huge and tiny numbers among them), options and
// stray names. Every call must either return a result whose shapes agree
// with the arguments (and, from finite input, finite values), or raise an
// InputError with a message. Any other exception means an internal message
// would reach a user: a finding, and so is an error whose code or params
// are not those error_codes() lists.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
const double kSpecial[] = {0, 1, -1, 0.5, 2, 3, -100, 1e300, -1e300, 1e-300, 1e155, -1e155, kInf, -kInf,
                           std::numeric_limits<double>::quiet_NaN(), 0.999999, 1e-12, 7, -7};

double value(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return kSpecial[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kSpecial) - 1)];
  return in.ConsumeFloatingPoint<double>();
}

struct Owned {
  std::string name;
  std::vector<double> data;
  lossplay::Shape shape;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  FuzzedDataProvider in(bytes, size);
  const auto& losses = lossplay::registry();
  const lossplay::LossSpec& spec = losses[in.ConsumeIntegralInRange<std::size_t>(0, losses.size() - 1)];
  static const char* const kReductions[] = {"none", "mean", "sum", "batchmean", "median"};
  const char* reduction = kReductions[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kReductions) - 1)];

  std::vector<Owned> owned;
  std::vector<std::string> names;
  for (const lossplay::ArgSpec& a : spec.args) names.emplace_back(a.name);
  if (in.ConsumeIntegralInRange(0, 15) == 0) names.push_back("stray");
  for (const std::string& name : names) {
    if (in.ConsumeIntegralInRange(0, 9) == 0) continue;  // leave it out, required or not
    Owned a{name, {}, {}};
    const auto rank = in.ConsumeIntegralInRange<std::size_t>(0, 3);
    std::size_t count = 1;
    for (std::size_t d = 0; d < rank; ++d) {
      a.shape.push_back(in.ConsumeIntegralInRange<std::size_t>(0, 5));
      count *= a.shape.back();
    }
    // Now and then a length that disagrees with the shape.
    if (in.ConsumeIntegralInRange(0, 15) == 0) count = in.ConsumeIntegralInRange<std::size_t>(0, 8);
    for (std::size_t i = 0; i < count; ++i) a.data.push_back(value(in));
    owned.push_back(std::move(a));
  }
  std::vector<lossplay::NamedOption> options;
  for (const lossplay::OptionSpec& o : spec.options)
    if (in.ConsumeBool()) options.push_back({std::string(o.name), value(in)});
  if (in.ConsumeIntegralInRange(0, 15) == 0) options.push_back({"stray", 1});

  std::vector<lossplay::NamedTensor> views;
  for (const Owned& a : owned) views.push_back({a.name, lossplay::TensorView{a.data.data(), a.data.size(), a.shape}});
  try {
    const lossplay::LossResult r = lossplay::evaluate(spec.name, views, options, reduction);
    const lossplay::TensorView* x = nullptr;
    for (const auto& v : views)
      if (v.name == r.grad_arg) x = &v.view;
    if (x == nullptr) std::abort();                  // the gradient names an argument it was given
    if (r.grad.data.size() != x->size) std::abort();  // and is shaped like it
    if (r.grad.shape != x->shape) std::abort();
    std::size_t count = 1;
    for (std::size_t d : r.loss.shape) count *= d;
    if (r.loss.data.size() != count) std::abort();
    // Finite input never gives a non-finite result, but where NaN is the
    // loss's defined answer (a mean over no targets): that is an overflow
    // and must have been refused.
    bool finite = true;
    for (const auto& v : views)
      for (std::size_t i = 0; i < v.view.size; ++i) finite = finite && std::isfinite(v.view[i]);
    for (const auto& o : options) finite = finite && std::isfinite(o.value);
    if (finite && !r.nan_is_defined) {
      for (double v : r.loss.data)
        if (!std::isfinite(v)) std::abort();
      for (double v : r.grad.data)
        if (!std::isfinite(v)) std::abort();
    }
  } catch (const lossplay::InputError& e) {
    if (std::string(e.what()).size() < 12) std::abort();  // a bare word is no message for a user
    // A listed code with exactly its listed params, so the page can word it.
    const lossplay::ErrorCode* code = lossplay::find_error_code(e.code());
    if (code == nullptr || code->params.size() != e.params().size()) std::abort();
    for (std::string_view name : code->params)
      if (e.param(name) == nullptr) std::abort();
  }
  return 0;
}
