// Small helpers shared by the edge-case tests: run a loss on owned vectors
// and catch the error it throws, checking that error against the table of
// codes (its code is listed, its params are exactly the code's params).
#pragma once

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"

namespace lossplay::test {

struct Owned {
  std::string name;
  std::vector<double> data;
  Shape shape;
};

inline LossResult run(std::string_view loss, const std::vector<Owned>& args,
                      std::vector<NamedOption> options = {}, std::string_view reduction = "none") {
  std::vector<NamedTensor> views;
  for (const Owned& a : args) views.push_back({a.name, TensorView{a.data.data(), a.data.size(), a.shape}});
  return evaluate(loss, views, options, reduction);
}

// A 1-D argument of shape [n].
inline Owned vec(std::string name, std::vector<double> v) {
  Shape s{v.size()};
  return {std::move(name), std::move(v), s};
}

// A [rows, n / rows] argument.
inline Owned mat(std::string name, std::size_t rows, std::vector<double> v) {
  Shape s{rows, v.size() / rows};
  return {std::move(name), std::move(v), s};
}

// A scalar argument, shape [].
inline Owned scalar(std::string name, double v) { return {std::move(name), {v}, {}}; }

inline constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
inline constexpr double inf = std::numeric_limits<double>::infinity();

// Element by element within a relative tolerance.
inline void check_close(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  BOOST_TEST_REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) BOOST_TEST(got[i] == want[i], boost::test_tools::tolerance(tol));
}

// What an InputError carried; all empty when nothing was thrown.
struct Caught {
  std::string message;
  std::string code;
  std::vector<ErrorParam> params;

  bool empty() const { return message.empty() && code.empty(); }
  const ErrorValue* param(std::string_view name) const {
    for (const ErrorParam& p : params)
      if (p.name == name) return &p.value;
    return nullptr;
  }
  // The value of a number, string or list param; nullopt if absent or of another type.
  std::optional<double> number(std::string_view name) const {
    const ErrorValue* v = param(name);
    if (const double* d = v ? std::get_if<double>(v) : nullptr) return *d;
    return std::nullopt;
  }
  std::optional<std::string> text(std::string_view name) const {
    const ErrorValue* v = param(name);
    if (const std::string* s = v ? std::get_if<std::string>(v) : nullptr) return *s;
    return std::nullopt;
  }
  std::optional<Shape> list(std::string_view name) const {
    const ErrorValue* v = param(name);
    if (const Shape* s = v ? std::get_if<Shape>(v) : nullptr) return *s;
    return std::nullopt;
  }
};

// Checks an error against error_codes(): a listed code of `kind` whose
// params are exactly the listed names, and a message that is the code's
// English template filled in with them.
inline void check_against_table(const Error& e, ErrorKind kind) {
  const ErrorCode* c = find_error_code(e.code());
  BOOST_TEST_REQUIRE(c != nullptr, "code '" << e.code() << "' is not in error_codes()");
  BOOST_TEST((c->kind == kind), "code '" << e.code() << "' is listed under another kind");
  std::vector<std::string> got, want;
  for (const ErrorParam& p : e.params()) got.emplace_back(p.name);
  for (std::string_view p : c->params) want.emplace_back(p);
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  BOOST_TEST(got == want, "params of '" << e.code() << "' differ from the table's");
  BOOST_TEST(std::string(e.what()) == fill_template(c->english, e.params()));
}

// The InputError that `f` throws (checked against the table), or an empty
// Caught if it does not throw.
template <class F>
Caught error_of(F f) {
  try {
    f();
  } catch (const InputError& e) {
    check_against_table(e, ErrorKind::Input);
    return {e.what(), e.code(), e.params()};
  }
  return {};
}

// The same, and the error must have `code`.
template <class F>
Caught error_of(std::string_view code, F f) {
  Caught c = error_of(f);
  BOOST_TEST(c.code == code, "expected code '" << code << "', got '" << c.code << "': " << c.message);
  return c;
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }
inline bool contains(const Caught& c, const std::string& part) { return contains(c.message, part); }

}  // namespace lossplay::test
