// Embind bindings: the only file under cpp/ that sees Emscripten.
//
// Typed arrays come in with one bulk copy and go out as copies, so JS never
// holds a view into wasm memory that growth could invalidate. No exception
// crosses into JS: every entry point catches and returns
//   {ok: false, kind: 'parse' | 'input' | 'internal', code, params, message}
// (a parse failure also has line, column and token at the top level), which
// web/lossplay.js turns into an Error. code and params come from the core's
// lossplay::Error (their table: cpp/src/error_codes.cpp); params is a plain
// object whose values are strings, numbers (NaN and infinities kept) or
// arrays of numbers (shapes and indices).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "lossplay/error.hpp"
#include "lossplay/parse.hpp"
#include "lossplay/registry.hpp"

using emscripten::val;
using namespace lossplay;

namespace {

val float64_array(const std::vector<double>& v) {
  return val::global("Float64Array").new_(emscripten::typed_memory_view(v.size(), v.data()));
}

val shape_array(const Shape& shape) {
  val a = val::array();
  for (std::size_t d : shape) a.call<void>("push", static_cast<double>(d));
  return a;
}

val tensor_value(const Tensor& t) {
  val o = val::object();
  o.set("data", float64_array(t.data));
  o.set("shape", shape_array(t.shape));
  return o;
}

val param_value(const ErrorValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return val(*s);
  if (const auto* d = std::get_if<double>(&v)) return val(*d);
  return shape_array(std::get<std::vector<std::size_t>>(v));
}

val failure(const Error& e) {
  val params = val::object();
  for (const ErrorParam& p : e.params()) params.set(std::string(p.name), param_value(p.value));
  val o = val::object();
  o.set("ok", false);
  o.set("kind", dynamic_cast<const ParseError*>(&e) ? "parse" : "input");
  o.set("code", e.code());
  o.set("params", params);
  o.set("message", std::string(e.what()));
  return o;
}

// Anything else that escapes the core is a bug: the failure says so, with
// what was being computed (for a report) and the exception's text in `detail`.
val internal_failure(const std::string& loss, const std::string& shapes, const std::string& detail) {
  const std::vector<ErrorParam> params = {{"loss", loss}, {"shapes", shapes}, {"detail", detail}};
  val p = val::object();
  for (const ErrorParam& e : params) p.set(std::string(e.name), param_value(e.value));
  val o = val::object();
  o.set("ok", false);
  o.set("kind", "internal");
  o.set("code", "internal");
  o.set("params", p);
  o.set("message", fill_template(find_error_code("internal")->english, params));
  return o;
}

val internal_parse_failure(const std::string& detail) {
  const std::vector<ErrorParam> params = {{"detail", detail}};
  val p = val::object();
  p.set("detail", detail);
  val o = val::object();
  o.set("ok", false);
  o.set("kind", "internal");
  o.set("code", "internal_parse");
  o.set("params", p);
  o.set("message", fill_template(find_error_code("internal_parse")->english, params));
  return o;
}

std::vector<std::string> keys_of(const val& object) {
  return emscripten::vecFromJSArray<std::string>(val::global("Object").call<val>("keys", object));
}

// One bulk copy from any JS array-like into a fresh vector.
std::vector<double> copy_numbers(const val& array) {
  const auto n = array["length"].as<std::size_t>();
  std::vector<double> out(n);
  val(emscripten::typed_memory_view(n, out.data())).call<void>("set", array);
  return out;
}

struct OwnedArg {
  std::string name;
  std::vector<double> data;
  Shape shape;
};

// text: a Uint8Array of UTF-8 (TextEncoder's output), copied in one block;
// Embind's own std::string conversion walks the string char by char in JS.
val parse(const val& utf8) {
  try {
    const auto n = utf8["length"].as<std::size_t>();
    std::string text(n, '\0');
    val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(text.data()))).call<void>("set", utf8);
    Tensor t = parse_numbers(text);
    val o = tensor_value(t);
    o.set("ok", true);
    return o;
  } catch (const ParseError& e) {
    val o = failure(e);
    o.set("line", static_cast<double>(e.line()));
    o.set("column", static_cast<double>(e.column()));
    o.set("token", e.token());
    return o;
  } catch (const Error& e) {
    return failure(e);
  } catch (const std::exception& e) {
    return internal_parse_failure(e.what());
  } catch (...) {
    return internal_parse_failure("an exception that is not a std::exception");
  }
}

// "input [2, 3], target [2]": what an internal failure reports it was given.
std::string shapes_text(const std::vector<OwnedArg>& args) {
  std::string s;
  for (const OwnedArg& a : args) s += (s.empty() ? "" : ", ") + a.name + " " + shape_to_string(a.shape);
  return s.empty() ? "no arguments" : s;
}

// args: {name: {data: array-like, shape: [..]}}; options: {reduction, name: number | boolean}.
val compute(const std::string& loss, const val& args, const val& options) {
  std::vector<OwnedArg> owned;
  try {
    for (const std::string& name : keys_of(args)) {
      const val a = args[name];
      if (a.typeOf().as<std::string>() != "object" || a.isNull() || a["data"].isUndefined() ||
          a["shape"].isUndefined())
        throw InputError("argument_not_tensor", {{"arg", name}});
      OwnedArg arg{name, copy_numbers(a["data"]), {}};
      for (double d : emscripten::vecFromJSArray<double>(a["shape"])) {
        // Checked before the cast: converting a double beyond size_t is undefined.
        if (!(d >= 0) || d != std::floor(d) ||
            d > static_cast<double>(std::numeric_limits<std::size_t>::max()))
          throw InputError("bad_shape_sizes", {{"arg", name}});
        arg.shape.push_back(static_cast<std::size_t>(d));
      }
      owned.push_back(std::move(arg));
    }
    std::string reduction = "mean";
    std::vector<NamedOption> opts;
    for (const std::string& name : keys_of(options)) {
      const val v = options[name];
      if (name == "reduction") {
        if (!v.isString()) throw InputError("reduction_not_string", {});
        reduction = v.as<std::string>();
      } else if (v.isNumber()) {
        opts.push_back({name, v.as<double>()});
      } else if (v.isTrue() || v.isFalse()) {
        opts.push_back({name, v.isTrue() ? 1.0 : 0.0});
      } else {
        throw InputError("option_not_number", {{"option", name}});
      }
    }
    std::vector<NamedTensor> views;
    for (const OwnedArg& a : owned)
      views.push_back({a.name, TensorView{a.data.data(), a.data.size(), a.shape}});
    LossResult r = evaluate(loss, std::move(views), opts, reduction);
    val o = val::object();
    o.set("ok", true);
    o.set("loss", tensor_value(r.loss));
    o.set("grad", tensor_value(r.grad));
    o.set("gradArg", r.grad_arg);
    return o;
  } catch (const Error& e) {
    return failure(e);
  } catch (const std::exception& e) {
    return internal_failure(loss, shapes_text(owned), e.what());
  } catch (...) {
    return internal_failure(loss, shapes_text(owned), "an exception that is not a std::exception");
  }
}

const char* role_name(ArgRole role) {
  switch (role) {
    case ArgRole::Prediction: return "prediction";
    case ArgRole::Target: return "target";
    case ArgRole::Weight: return "weight";
    case ArgRole::Extra: return "extra";
  }
  return "prediction";
}

const char* type_name(OptionType type) {
  switch (type) {
    case OptionType::Real: return "real";
    case OptionType::Integer: return "integer";
    case OptionType::Boolean: return "boolean";
  }
  return "real";
}

// Registry text is a string_view of a literal; Embind takes std::string.
val text(std::string_view s) { return val(std::string(s)); }

val registry_value() {
  val list = val::array();
  for (const LossSpec& s : registry()) {
    val o = val::object();
    o.set("name", text(s.name));
    o.set("shortName", text(s.short_name));  // English
    o.set("shortZh", text(s.short_zh));
    o.set("titleEn", text(s.title_en));
    o.set("titleZh", text(s.title_zh));
    o.set("group", text(s.group));
    o.set("pytorch", text(s.pytorch));
    val args = val::array();
    for (const ArgSpec& a : s.args) {
      val x = val::object();
      x.set("name", text(a.name));
      x.set("role", role_name(a.role));
      x.set("required", a.required);
      x.set("shape", text(a.shape_en));  // the old name, kept for the API's users
      x.set("shapeEn", text(a.shape_en));
      x.set("shapeZh", text(a.shape_zh));
      x.set("helpEn", text(a.help_en));
      x.set("helpZh", text(a.help_zh));
      args.call<void>("push", x);
    }
    o.set("args", args);
    val options = val::array();
    for (const OptionSpec& opt : s.options) {
      val x = val::object();
      x.set("name", text(opt.name));
      x.set("label", text(opt.label));
      x.set("type", type_name(opt.type));
      x.set("default", opt.type == OptionType::Boolean ? val(opt.default_value != 0) : val(opt.default_value));
      x.set("min", opt.min);
      x.set("max", opt.max);
      x.set("minInclusive", opt.min_inclusive);
      x.set("maxInclusive", opt.max_inclusive);
      x.set("range", opt.range_text());  // English: "a whole number in [1, 2]"
      x.set("interval", opt.interval());  // data: "[1, 2]", as error params write a range
      x.set("helpEn", text(opt.help_en));
      x.set("helpZh", text(opt.help_zh));
      options.call<void>("push", x);
    }
    o.set("options", options);
    val reductions = val::array();
    for (Reduction r : s.reductions) reductions.call<void>("push", text(to_string(r)));
    o.set("reductions", reductions);
    o.set("defaultReduction", text(to_string(s.default_reduction)));
    o.set("formula", text(s.formula));
    o.set("gradient", text(s.gradient));
    o.set("noteEn", text(s.note_en));
    o.set("noteZh", text(s.note_zh));
    list.call<void>("push", o);
  }
  return list;
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay) {
  emscripten::function("parse", &parse);
  emscripten::function("compute", &compute);
  emscripten::function("registry", &registry_value);
}
