// The failure object the bindings return instead of letting an exception
// cross into JS: {ok: false, kind, code, params, message}. Shared by the loss
// bindings (bindings.cpp) and the fit bindings (fit-bindings.cpp); params
// is a plain object of strings, numbers and arrays of sizes.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <variant>
#include <vector>

#include "lossplay/error.hpp"
#include "lossplay/tensor.hpp"

namespace lossplay::wasm {

inline emscripten::val shape_array(const Shape& shape) {
  emscripten::val a = emscripten::val::array();
  for (std::size_t d : shape) a.call<void>("push", static_cast<double>(d));
  return a;
}

inline emscripten::val param_value(const ErrorValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return emscripten::val(*s);
  if (const auto* d = std::get_if<double>(&v)) return emscripten::val(*d);
  return shape_array(std::get<std::vector<std::size_t>>(v));
}

inline emscripten::val failure_object(const char* kind, const std::string& code,
                                      const std::vector<ErrorParam>& params, const std::string& message) {
  emscripten::val p = emscripten::val::object();
  for (const ErrorParam& e : params) p.set(std::string(e.name), param_value(e.value));
  emscripten::val o = emscripten::val::object();
  o.set("ok", false);
  o.set("kind", kind);
  o.set("code", code);
  o.set("params", p);
  o.set("message", message);
  return o;
}

// A bug of ours ("internal", "internal_parse"): the message from the core's English template.
inline emscripten::val internal_failure_object(const char* code, const std::vector<ErrorParam>& params) {
  return failure_object("internal", code, params, fill_template(find_error_code(code)->english, params));
}

}  // namespace lossplay::wasm
