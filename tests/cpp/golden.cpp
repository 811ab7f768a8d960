#include "golden.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace lossplay::test {

double number(const nlohmann::json& v) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
    if (s == "inf") return std::numeric_limits<double>::infinity();
    if (s == "-inf") return -std::numeric_limits<double>::infinity();
    throw std::runtime_error("bad number in golden file: " + s);
  }
  return v.get<double>();
}

Tensor tensor(const nlohmann::json& j) {
  Tensor t;
  for (const auto& d : j.at("shape")) t.shape.push_back(d.get<std::size_t>());
  for (const auto& v : j.at("data")) t.data.push_back(number(v));
  return t;
}

namespace {

// Every loss-conformance/1 file in tests/golden: PyTorch's shared cases
// (pytorch-cases.json) and our own generated ones (extra-*.json).
std::vector<std::string> golden_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(LOSSPLAY_GOLDEN_DIR))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

void load_file(const std::string& path, std::vector<GoldenCase>& cases) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  const nlohmann::json doc = nlohmann::json::parse(in);
  if (doc.at("format") != "loss-conformance/1") throw std::runtime_error("unexpected format in " + path);
  for (const auto& j : doc.at("cases")) {
    GoldenCase c;
    c.id = j.at("id");
    c.loss = j.at("loss");
    for (const auto& [name, value] : j.at("args").items()) c.args.emplace_back(name, tensor(value));
    if (j.contains("options")) {
      for (const auto& [name, value] : j.at("options").items()) {
        if (name == "reduction") c.reduction = value.get<std::string>();
        else if (value.is_boolean()) c.options.push_back({name, value.get<bool>() ? 1.0 : 0.0});
        else c.options.push_back({name, number(value)});
      }
    }
    const auto& e = j.at("expected");
    c.error = e.value("error", false);
    if (e.contains("loss")) c.loss_value = tensor(e.at("loss"));
    if (e.contains("grad")) {
      c.has_grad = true;
      const auto& g = e.at("grad").items().begin();
      c.grad_arg = g.key();
      c.grad = tensor(g.value());
    }
    c.rtol = j.value("rtol", 1e-9);
    c.atol = j.value("atol", 1e-12);
    cases.push_back(std::move(c));
  }
}

std::vector<GoldenCase> load() {
  std::vector<GoldenCase> cases;
  for (const std::string& file : golden_files()) load_file(file, cases);
  return cases;
}

}  // namespace

std::vector<NamedTensor> GoldenCase::views() const {
  std::vector<NamedTensor> v;
  for (const auto& [name, t] : args) v.push_back({name, TensorView{t.data.data(), t.data.size(), t.shape}});
  return v;
}

const std::vector<GoldenCase>& all_golden_cases() {
  static const std::vector<GoldenCase> cases = load();
  return cases;
}

bool close(double got, double want, double rtol, double atol) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= atol + rtol * std::fabs(want);
}

std::ostream& operator<<(std::ostream& os, const GoldenCase& c) { return os << c.id; }

}  // namespace lossplay::test
