// Embind bindings of the fit core (lossplay/fit.hpp): the separate module
// lossplay-fit.wasm, loaded only when something fits, so the page's first
// load does not carry it.
//
// A fit objective lives in the wasm heap between calls, named by an id
// (a slot number + 1; a freed slot is never reused, so a stale id is
// refused with code tensor_freed, never read as another objective):
//   fitCreate(loss, options, x, y)        -> {ok, id, size}
//   fitValue(id, w, b)                    -> {ok, value, dw, db}
//   fitRun(id, settings)                  -> {ok, w, b, loss (Float64Arrays), status, stopReason, stopStep}
//   fitOptimum(id)                        -> {ok, w, b, loss, status, method, iterations, gradientNorm}
//   fitLandscape(id, wMin, wMax, bMin, bMax, columns, rows) -> {ok, values, outsideDomain, method, ...}
//   fitFree(id)
// x and y come in with one bulk copy each and results go out as copies. No
// exception crosses into JS: each entry point returns
// {ok: false, kind, code, params, message} instead, as bindings.cpp does.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "lossplay/error.hpp"
#include "lossplay/fit.hpp"
#include "failure.hpp"

using emscripten::val;
using namespace lossplay;

namespace {

val float64_array(const double* data, std::size_t n) {
  return val::global("Float64Array").new_(emscripten::typed_memory_view(n, data));
}

// Called inside a catch: what the core threw as a failure object. Anything
// that is not a lossplay::Error is a bug, reported as code "internal".
val caught() {
  try {
    throw;
  } catch (const Error& e) {
    return wasm::failure_object("input", e.code(), e.params(), e.what());
  } catch (const std::exception& e) {
    return wasm::internal_failure_object("internal", {{"loss", "fit"}, {"shapes", ""}, {"detail", std::string(e.what())}});
  } catch (...) {
    return wasm::internal_failure_object("internal", {{"loss", "fit"}, {"shapes", ""}, {"detail", "not a std::exception"}});
  }
}

template <class Body>
val guarded(Body body) {
  try {
    return body();
  } catch (...) {
    return caught();
  }
}

// The objective keeps borrowed pointers: its x and y live beside it.
struct Slot {
  std::vector<double> x, y;
  std::unique_ptr<FitObjective> objective;
};

std::vector<Slot>& slots() {
  static std::vector<Slot> all;
  return all;
}

FitObjective& objective(double id) {
  std::vector<Slot>& all = slots();
  if (!(id >= 1 && id <= static_cast<double>(all.size()) && id == std::floor(id)) ||
      !all[static_cast<std::size_t>(id) - 1].objective)
    throw InputError("tensor_freed", {{"arg", "objective"}});
  return *all[static_cast<std::size_t>(id) - 1].objective;
}

std::vector<double> copy_of(const val& array) {
  const auto n = array["length"].as<std::size_t>();
  std::vector<double> out(n);
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
  return out;
}

// options: {name: number | boolean}, as compute() takes them (no reduction:
// the objective is the mean).
std::vector<NamedOption> read_options(const val& options) {
  std::vector<NamedOption> out;
  if (options.isUndefined() || options.isNull()) return out;
  const auto names = emscripten::vecFromJSArray<std::string>(val::global("Object").call<val>("keys", options));
  for (const std::string& name : names) {
    const val v = options[name];
    if (v.isNumber()) out.push_back({name, v.as<double>()});
    else if (v.isTrue() || v.isFalse()) out.push_back({name, v.isTrue() ? 1.0 : 0.0});
    else throw InputError("option_not_number", {{"option", name}});
  }
  return out;
}

val fit_create(const std::string& loss, const val& options, const val& x, const val& y) {
  return guarded([&] {
    Slot slot{copy_of(x), copy_of(y), nullptr};
    if (slot.x.size() != slot.y.size())
      throw InputError("shape_mismatch", {{"arg", "x"}, {"shape", std::vector<std::size_t>{slot.x.size()}},
                                          {"other", "y"}, {"other_shape", std::vector<std::size_t>{slot.y.size()}}});
    slot.objective = std::make_unique<FitObjective>(loss, read_options(options), slot.x.data(), slot.y.data(),
                                                    slot.x.size());
    slots().push_back(std::move(slot));
    val o = val::object();
    o.set("ok", true);
    o.set("id", static_cast<double>(slots().size()));
    o.set("size", static_cast<double>(slots().back().x.size()));
    return o;
  });
}

val fit_free(double id) {
  return guarded([&] {
    objective(id);  // refuses a stale id
    Slot& s = slots()[static_cast<std::size_t>(id) - 1];
    s.objective.reset();
    std::vector<double>().swap(s.x);
    std::vector<double>().swap(s.y);
    val o = val::object();
    o.set("ok", true);
    return o;
  });
}

val fit_value(double id, double w, double b) {
  return guarded([&] {
    double dw = 0, db = 0;
    const double value = objective(id).value_and_gradient(w, b, dw, db);
    val o = val::object();
    o.set("ok", true);
    o.set("value", value);
    o.set("dw", dw);
    o.set("db", db);
    return o;
  });
}

// A number field of settings, or `fallback` when absent.
double number_or(const val& settings, const char* name, double fallback) {
  const val v = settings[name];
  if (v.isUndefined()) return fallback;
  if (!v.isNumber()) throw InputError("option_not_number", {{"option", name}});
  return v.as<double>();
}

OptimizerSettings read_settings(const val& settings) {
  OptimizerSettings s;
  const val kind = settings["optimizer"];
  const std::string name = kind.isString() ? kind.as<std::string>() : kind.isUndefined() ? "gd" : "?";
  if (name == "gd") s.kind = OptimizerKind::GradientDescent;
  else if (name == "momentum") s.kind = OptimizerKind::Momentum;
  else if (name == "adam") s.kind = OptimizerKind::Adam;
  else throw InputError("fit_setting_out_of_range", {{"option", "optimizer"}, {"range", "{gd, momentum, adam}"},
                                                     {"value", kind.isString() ? name : std::string("?")}});
  s.learning_rate = number_or(settings, "lr", s.learning_rate);
  const double steps = number_or(settings, "steps", static_cast<double>(s.steps));
  // Checked before the cast: a double beyond size_t is undefined behaviour.
  if (!(steps >= 0 && steps <= 1e6 && steps == std::floor(steps)))
    throw InputError("fit_setting_out_of_range", {{"option", "steps"}, {"range", "{0, 1, …, 1000000}"}, {"value", steps}});
  s.steps = static_cast<std::size_t>(steps);
  s.momentum = number_or(settings, "momentum", s.momentum);
  s.beta1 = number_or(settings, "beta1", s.beta1);
  s.beta2 = number_or(settings, "beta2", s.beta2);
  s.eps = number_or(settings, "eps", s.eps);
  s.tolerance = number_or(settings, "tolerance", s.tolerance);
  s.explode_factor = number_or(settings, "explodeFactor", s.explode_factor);
  s.w0 = number_or(settings, "w0", s.w0);
  s.b0 = number_or(settings, "b0", s.b0);
  return s;
}

val fit_run(double id, const val& settings) {
  return guarded([&] {
    FitObjective& f = objective(id);
    const FitPath p = run_optimizer(f, read_settings(settings));
    const std::size_t n = p.points.size();
    std::vector<double> w(n), b(n), loss(n);
    for (std::size_t k = 0; k < n; ++k) {
      w[k] = p.points[k].w;
      b[k] = p.points[k].b;
      loss[k] = p.points[k].loss;
    }
    val o = val::object();
    o.set("ok", true);
    o.set("w", float64_array(w.data(), n));
    o.set("b", float64_array(b.data(), n));
    o.set("loss", float64_array(loss.data(), n));
    o.set("status", std::string(to_string(p.status)));
    o.set("stopReason", p.stop_reason);
    o.set("stopStep", static_cast<double>(p.stop_step));
    return o;
  });
}

val fit_optimum(double id) {
  return guarded([&] {
    const FitOptimum r = exact_optimum(objective(id));
    val o = val::object();
    o.set("ok", true);
    o.set("w", r.w);
    o.set("b", r.b);
    o.set("loss", r.loss);
    o.set("status", std::string(to_string(r.status)));
    o.set("method", r.method);
    o.set("iterations", static_cast<double>(r.iterations));
    o.set("gradientNorm", r.gradient_norm);
    return o;
  });
}

std::size_t grid_size(double v, const char* name) {
  if (!(v >= 2 && v <= 2000 && v == std::floor(v)))
    throw InputError("fit_setting_out_of_range", {{"option", name}, {"range", "{2, 3, …, 2000}"}, {"value", v}});
  return static_cast<std::size_t>(v);
}

val fit_landscape(double id, double w_min, double w_max, double b_min, double b_max, double columns, double rows) {
  return guarded([&] {
    FitObjective& f = objective(id);
    const Landscape l = landscape(f, w_min, w_max, b_min, b_max, grid_size(columns, "columns"), grid_size(rows, "rows"));
    val o = val::object();
    o.set("ok", true);
    o.set("values", float64_array(l.values.data(), l.values.size()));
    o.set("columns", static_cast<double>(l.columns));
    o.set("rows", static_cast<double>(l.rows));
    o.set("wMin", l.w_min);
    o.set("wMax", l.w_max);
    o.set("bMin", l.b_min);
    o.set("bMax", l.b_max);
    o.set("outsideDomain", static_cast<double>(l.outside_domain));
    o.set("method", l.method);
    return o;
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay_fit) {
  emscripten::function("fitCreate", &fit_create);
  emscripten::function("fitFree", &fit_free);
  emscripten::function("fitValue", &fit_value);
  emscripten::function("fitRun", &fit_run);
  emscripten::function("fitOptimum", &fit_optimum);
  emscripten::function("fitLandscape", &fit_landscape);
}
