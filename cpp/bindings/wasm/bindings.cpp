// Embind bindings of the losses: with fit-bindings.cpp and failure.hpp beside
// it, the only files under cpp/ that see Emscripten.
//
// Typed arrays come in with one bulk copy and go out as copies, so JS never
// holds a view into wasm memory that growth could invalidate. No exception
// crosses into JS: every entry point catches and returns
//   {ok: false, kind: 'parse' | 'input' | 'internal', code, params, message}
// (a parse failure also has line, column and token at the top level), which
// web/src/core/lossplay.js turns into an Error.
//
// Resident tensors live in the wasm heap between calls, named by an id:
// tensorCreate copies a JS array in once, parseTensor parses text straight
// into one, tensorColumn makes a strided copy of one column, and compute
// takes {resident: id} wherever it takes {data, shape}. An id is a slot
// number + 1 and a freed slot is never reused, so a stale id is refused
// (code tensor_freed), never read as another tensor. code and params come from the core's
// lossplay::Error (their table: cpp/src/error_codes.cpp); params is a plain
// object whose values are strings, numbers (NaN and infinities kept) or
// arrays of numbers (shapes and indices).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <exception>
#include <limits>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "lossplay/buffers.hpp"
#include "lossplay/error.hpp"
#include "lossplay/parse.hpp"
#include "lossplay/registry.hpp"
#include "failure.hpp"

using emscripten::val;
using namespace lossplay;

namespace {

val float64_array(const std::vector<double>& v) {
  return val::global("Float64Array").new_(emscripten::typed_memory_view(v.size(), v.data()));
}

using wasm::shape_array;

val tensor_value(const Tensor& t) {
  val o = val::object();
  o.set("data", float64_array(t.data));
  o.set("shape", shape_array(t.shape));
  return o;
}

val failure(const Error& e) {
  return wasm::failure_object(dynamic_cast<const ParseError*>(&e) ? "parse" : "input", e.code(), e.params(), e.what());
}

// Anything else that escapes the core is a bug: the failure says so, with
// what was being computed (for a report) and the exception's text in `detail`.
val internal_failure(const std::string& loss, const std::string& shapes, const std::string& detail) {
  return wasm::internal_failure_object("internal", {{"loss", loss}, {"shapes", shapes}, {"detail", detail}});
}

val internal_parse_failure(const std::string& detail) {
  return wasm::internal_failure_object("internal_parse", {{"detail", detail}});
}

std::vector<std::string> keys_of(const val& object) {
  return emscripten::vecFromJSArray<std::string>(val::global("Object").call<val>("keys", object));
}

// A buffer of n doubles left uninitialised: every element is written by the
// bulk copy that follows, so a zero fill would be wasted work.
std::unique_ptr<double[]> uninitialised(std::size_t n) { return std::unique_ptr<double[]>(new double[n]); }

// One bulk copy from a JS array-like into `out` (n elements).
void copy_in(const val& array, double* out, std::size_t n) {
  val(emscripten::typed_memory_view(n, out)).call<void>("set", array);
}

Shape read_shape(const val& sizes, std::string_view name) {
  Shape shape;
  for (double d : emscripten::vecFromJSArray<double>(sizes)) {
    // Checked before the cast: converting a double beyond size_t is undefined.
    if (!(d >= 0) || d != std::floor(d) || d > static_cast<double>(std::numeric_limits<std::size_t>::max()))
      throw InputError("bad_shape_sizes", {{"arg", name}});
    shape.push_back(static_cast<std::size_t>(d));
  }
  return shape;
}

struct Resident {
  std::vector<double> data;
  Shape shape;
  bool live = false;
};

std::vector<Resident>& residents() {
  static std::vector<Resident> slots;
  return slots;
}

Resident& resident(double id, std::string_view arg) {
  std::vector<Resident>& slots = residents();
  if (!(id >= 1 && id <= static_cast<double>(slots.size()) && id == std::floor(id)) ||
      !slots[static_cast<std::size_t>(id) - 1].live)
    throw InputError("tensor_freed", {{"arg", arg}});
  return slots[static_cast<std::size_t>(id) - 1];
}

val kept(std::vector<double> data, Shape shape) {
  residents().push_back({std::move(data), std::move(shape), true});
  val o = val::object();
  o.set("ok", true);
  o.set("id", static_cast<double>(residents().size()));
  o.set("shape", shape_array(residents().back().shape));
  return o;
}

val parse_failure(const ParseError& e) {
  val o = failure(e);
  o.set("line", static_cast<double>(e.line()));
  o.set("column", static_cast<double>(e.column()));
  o.set("token", e.token());
  return o;
}

// Called inside a catch: turns what the core threw into a failure object.
// One copy of the handlers for every entry point that uses guarded().
val caught() {
  try {
    throw;
  } catch (const ParseError& e) {
    return parse_failure(e);
  } catch (const Error& e) {
    return failure(e);
  } catch (const std::exception& e) {
    return internal_parse_failure(e.what());
  } catch (...) {
    return internal_parse_failure("an exception that is not a std::exception");
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

// utf8: a Uint8Array of UTF-8 (TextEncoder's output, or a file's bytes),
// copied in one block; Embind's own std::string conversion walks the string
// char by char in JS.
Tensor parse_bytes(const val& utf8) {
  const auto n = utf8["length"].as<std::size_t>();
  std::unique_ptr<char[]> text(new char[n ? n : 1]);
  val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(text.get()))).call<void>("set", utf8);
  return parse_numbers(std::string_view(text.get(), n));
}

val parse(const val& utf8) {
  return guarded([&] {
    val o = tensor_value(parse_bytes(utf8));
    o.set("ok", true);
    return o;
  });
}

// Parses straight into a resident tensor: {ok, id, shape}.
val parse_tensor(const val& utf8) {
  return guarded([&] {
    Tensor t = parse_bytes(utf8);
    return kept(std::move(t.data), std::move(t.shape));
  });
}

// data: a JS array-like of numbers; shape: an array of sizes whose product is its length.
val tensor_create(const val& data, const val& sizes) {
  return guarded([&] {
    Shape shape = read_shape(sizes, "tensor");
    const auto n = data["length"].as<std::size_t>();
    if (n != element_count(shape))
      throw InputError("count_mismatch", {{"arg", "tensor"}, {"count", n}, {"shape", shape}, {"needed", element_count(shape)}});
    std::vector<double> copy(n);
    copy_in(data, copy.data(), n);
    return kept(std::move(copy), std::move(shape));
  });
}

// {ok, data}: a copy of a resident tensor's numbers.
val tensor_read(double id) {
  return guarded([&] {
    val o = val::object();
    o.set("ok", true);
    o.set("data", float64_array(resident(id, "tensor").data));
    return o;
  });
}

// Column j of a resident [rows, cols] tensor as a new resident [rows] tensor (a strided copy).
val tensor_column(double id, double j) {
  return guarded([&] {
    const Resident& t = resident(id, "tensor");
    if (t.shape.size() != 2 || !(j >= 0 && j < static_cast<double>(t.shape[1]) && j == std::floor(j)))
      throw InputError("column_out_of_range", {{"column", j}, {"shape", t.shape}});
    const std::size_t rows = t.shape[0], cols = t.shape[1], c = static_cast<std::size_t>(j);
    std::vector<double> column(rows);
    for (std::size_t r = 0; r < rows; ++r) column[r] = t.data[r * cols + c];
    Shape shape = {rows};
    return kept(std::move(column), std::move(shape));
  });
}

// Releases a resident tensor's memory; freeing twice does nothing.
void tensor_free(double id) {
  std::vector<Resident>& slots = residents();
  if (!(id >= 1 && id <= static_cast<double>(slots.size()) && id == std::floor(id))) return;
  Resident& t = slots[static_cast<std::size_t>(id) - 1];
  t.live = false;
  std::vector<double>().swap(t.data);
}

// An argument as compute sees it: a view of a resident tensor, or of its own bulk copy.
struct OwnedArg {
  std::string name;
  std::unique_ptr<double[]> copy;  // empty for a resident tensor
  TensorView view;
};

// "input [2, 3], target [2]": what an internal failure reports it was given.
std::string shapes_text(const std::vector<OwnedArg>& args) {
  std::string s;
  for (const OwnedArg& a : args) s += (s.empty() ? "" : ", ") + a.name + " " + shape_to_string(a.view.shape);
  return s.empty() ? "no arguments" : s;
}

// args: {name: {data: array-like, shape: [..]} | {resident: id}};
// options: {reduction, outputs, name: number | boolean}; outputs is a bit
// mask of what to copy out (1 loss, 2 grad, 4 terms; all when absent), set
// by lossplay.js from its outputs list.
// Returns {ok, loss, grad, gradArg, terms}: terms is the per-element loss
// before reduction (the very loss object when the reduction is 'none'); an
// output left out of the mask is null (the same checks ran: only its copy
// is saved).
val compute(const std::string& loss, const val& args, const val& options) {
  std::vector<OwnedArg> owned;
  try {
    for (const std::string& name : keys_of(args)) {
      const val a = args[name];
      if (a.typeOf().as<std::string>() != "object" || a.isNull())
        throw InputError("argument_not_tensor", {{"arg", name}});
      if (!a["resident"].isUndefined()) {
        const Resident& t = resident(a["resident"].as<double>(), name);
        owned.push_back({name, nullptr, TensorView{t.data.data(), t.data.size(), t.shape}});
        continue;
      }
      if (a["data"].isUndefined() || a["shape"].isUndefined())
        throw InputError("argument_not_tensor", {{"arg", name}});
      const val data = a["data"];
      const auto n = data["length"].as<std::size_t>();
      OwnedArg arg{name, uninitialised(n), {}};
      copy_in(data, arg.copy.get(), n);
      arg.view = TensorView{arg.copy.get(), n, read_shape(a["shape"], name)};
      owned.push_back(std::move(arg));
    }
    std::string reduction = "mean";
    int wanted = 7;
    std::vector<NamedOption> opts;
    for (const std::string& name : keys_of(options)) {
      const val v = options[name];
      if (name == "reduction") {
        if (!v.isString()) throw InputError("reduction_not_string", {});
        reduction = v.as<std::string>();
      } else if (name == "outputs" && v.isNumber()) {
        wanted = v.as<int>();
      } else if (v.isNumber()) {
        opts.push_back({name, v.as<double>()});
      } else if (v.isTrue() || v.isFalse()) {
        opts.push_back({name, v.isTrue() ? 1.0 : 0.0});
      } else {
        throw InputError("option_not_number", {{"option", name}});
      }
    }
    std::vector<NamedTensor> views;
    for (const OwnedArg& a : owned) views.push_back({a.name, a.view});
    LossResult r = evaluate(loss, std::move(views), opts, reduction, (wanted & 4) != 0);
    val o = val::object();
    o.set("ok", true);
    const bool terms_are_loss = &r.per_element() == &r.loss;
    const val loss_value = (wanted & 1) || ((wanted & 4) && terms_are_loss) ? tensor_value(r.loss) : val::null();
    o.set("loss", (wanted & 1) ? loss_value : val::null());
    o.set("grad", (wanted & 2) ? tensor_value(r.grad) : val::null());
    o.set("gradArg", r.grad_arg);
    o.set("terms", !(wanted & 4) ? val::null() : terms_are_loss ? loss_value : tensor_value(r.terms));
    recycle(std::move(r.grad.data));  // copied out: the next compute of this size writes into it
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
  emscripten::function("parseTensor", &parse_tensor);
  emscripten::function("tensorCreate", &tensor_create);
  emscripten::function("tensorRead", &tensor_read);
  emscripten::function("tensorColumn", &tensor_column);
  emscripten::function("tensorFree", &tensor_free);
  emscripten::function("compute", &compute);
  emscripten::function("registry", &registry_value);
}
