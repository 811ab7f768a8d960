// Reads the loss-conformance/1 file that the C++ and JS tests share.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "lossplay/registry.hpp"

namespace lossplay::test {

struct GoldenCase {
  std::string id;
  std::string loss;
  std::vector<std::pair<std::string, Tensor>> args;
  std::vector<NamedOption> options;  // everything but reduction
  std::string reduction = "mean";
  bool error = false;
  Tensor loss_value;
  bool has_grad = false;
  std::string grad_arg;
  Tensor grad;
  double rtol = 1e-9;
  double atol = 1e-12;

  std::vector<NamedTensor> views() const;
};

// A number as the golden files write it ("nan", "inf" and "-inf" as
// strings), and a {"shape", "data"} tensor.
double number(const nlohmann::json& v);
Tensor tensor(const nlohmann::json& j);

// Every case of every tests/golden/*.json file.
const std::vector<GoldenCase>& all_golden_cases();

// The conformance rule: |got - want| <= atol + rtol |want|; NaN matches NaN,
// an infinity matches the same infinity.
bool close(double got, double want, double rtol, double atol);

std::ostream& operator<<(std::ostream& os, const GoldenCase& c);

}  // namespace lossplay::test
