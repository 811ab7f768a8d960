// Small helpers shared by the edge-case tests: run a loss on owned vectors
// and read the message of the error it throws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// The message of the InputError that `f` throws, or "" if it does not throw.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace lossplay::test
