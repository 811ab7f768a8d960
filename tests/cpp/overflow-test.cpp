// evaluate()'s overflow check (registry.cpp): finite input whose loss or
// gradient is not finite is refused with a code naming the first such
// element, and "as it does in PyTorch" is said exactly where PyTorch gives
// a non-finite value at that element too (tests/golden/gen_overflow.py
// wrote PyTorch's results). Non-finite input and a mean over nothing keep
// their values.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "loss_runner.hpp"
#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"

namespace bdata = boost::unit_test::data;
using namespace lossplay;
using namespace lossplay::test;

namespace {

struct OverflowCase {
  std::string id;
  std::string loss;
  std::vector<std::pair<std::string, Tensor>> args;
  std::vector<NamedOption> options;
  std::string reduction;
  bool has_torch = false;
  Tensor torch_loss, torch_loss_none, torch_grad;
};

std::ostream& operator<<(std::ostream& os, const OverflowCase& c) { return os << c.id; }

std::vector<OverflowCase> read_cases() {
  std::ifstream in(LOSSPLAY_GOLDEN_DIR "/overflow/pytorch-overflow.json");
  const nlohmann::json file = nlohmann::json::parse(in);
  std::vector<OverflowCase> cases;
  for (const auto& j : file.at("cases")) {
    OverflowCase c{j.at("id"), j.at("loss"), {}, {}, j.at("reduction")};
    for (const auto& [name, value] : j.at("args").items()) c.args.emplace_back(name, tensor(value));
    for (const auto& [name, value] : j.at("options").items()) c.options.push_back({name, number(value)});
    if (!j.at("torch").is_null()) {
      c.has_torch = true;
      c.torch_loss = tensor(j["torch"].at("loss"));
      c.torch_loss_none = tensor(j["torch"].at("loss_none"));
      c.torch_grad = tensor(j["torch"].at("grad"));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

const std::vector<OverflowCase>& overflow_cases() {
  static const std::vector<OverflowCase> cases = read_cases();
  return cases;
}

std::size_t flat_index(const Shape& shape, const std::vector<std::size_t>& index) {
  std::size_t flat = 0;
  for (std::size_t d = 0; d < shape.size(); ++d) flat = flat * shape[d] + index[d];
  return flat;
}

const std::vector<std::size_t>& list_param(const Error& e, std::string_view name) {
  return std::get<std::vector<std::size_t>>(*e.param(name));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(overflow)

BOOST_DATA_TEST_CASE(finite_input_that_overflows_is_refused_with_the_element, bdata::make(overflow_cases()), c) {
  std::vector<NamedTensor> views;
  for (const auto& [name, t] : c.args) views.push_back({name, TensorView{t.data.data(), t.data.size(), t.shape}});
  const LossSpec* spec = find_loss(c.loss);
  BOOST_TEST_REQUIRE(spec != nullptr);
  try {
    evaluate(c.loss, views, c.options, c.reduction);
    BOOST_ERROR("no error: the result holds a non-finite value");
  } catch (const InputError& e) {
    check_against_table(e, ErrorKind::Input);
    const bool like_pytorch = !spec->pytorch.empty();
    BOOST_TEST(e.code() == (like_pytorch ? "overflow_like_pytorch" : "overflow"));
    const std::string tensor = std::get<std::string>(*e.param("tensor"));
    const std::vector<std::size_t>& at = list_param(e, "at");
    const double value = std::get<double>(*e.param("value"));
    BOOST_TEST(!std::isfinite(value), "the named element is " << value);
    // The input of largest magnitude is named with its value.
    double largest = 0;
    for (const auto& [name, t] : c.args)
      for (double v : t.data) largest = std::max(largest, std::fabs(v));
    BOOST_TEST(std::get<double>(*e.param("largest")) == largest);
    if (!like_pytorch) return;
    BOOST_TEST_REQUIRE(c.has_torch, "the entry names " << spec->pytorch << " but the file has no PyTorch result");
    // PyTorch is non-finite at the element we name: in its gradient, its
    // loss as asked, or its unreduced loss (the element of a reduced one).
    const Tensor* torch = nullptr;
    if (tensor != "loss") {
      BOOST_TEST(tensor == std::string(spec->prediction_arg().name) + ".grad");
      torch = &c.torch_grad;
    } else if (at.size() == c.torch_loss.shape.size()) {
      torch = &c.torch_loss;
    } else {
      torch = &c.torch_loss_none;
    }
    BOOST_TEST_REQUIRE(at.size() == torch->shape.size());
    const double theirs = torch->data[flat_index(torch->shape, at)];
    BOOST_TEST(!std::isfinite(theirs), tensor << shape_to_string(at) << ": PyTorch gives " << theirs);
  }
}

BOOST_AUTO_TEST_CASE(the_message_names_the_element_and_pytorch) {
  const Caught e = error_of("overflow_like_pytorch", [] {
    run("huber_loss", {vec("input", {1e155}), vec("target", {0})}, {{"delta", 1e300}});
  });
  BOOST_TEST(e.message.rfind("loss[0] of huber_loss is inf although every input and option is finite", 0) == 0,
             e.message);
  BOOST_TEST(e.message.find("input[0], 1e+155") != std::string::npos, e.message);
  BOOST_TEST(e.message.find("torch.nn.functional.huber_loss") != std::string::npos, e.message);
  const Caught g = error_of("overflow", [] { run("mape", {vec("input", {1, 1e308}), vec("target", {1, 0})}); });
  BOOST_TEST(g.message.rfind("loss[1] of mape is inf", 0) == 0, g.message);
}

BOOST_AUTO_TEST_CASE(a_sum_of_finite_terms_names_the_reduced_loss) {
  const Caught e = error_of("overflow_like_pytorch", [] {
    run("mse_loss", {vec("input", {1e154, 1e154}), vec("target", {0, 0})}, {}, "sum");
  });
  BOOST_TEST(e.message.rfind("loss[] of mse_loss is inf", 0) == 0, e.message);
}

BOOST_AUTO_TEST_CASE(non_finite_input_keeps_its_result) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  LossResult r = run("l1_loss", {vec("input", {inf, 1}), vec("target", {0, 0})}, {}, "none");
  BOOST_TEST(std::isinf(r.loss.data[0]));
  BOOST_TEST(r.loss.data[1] == 1.0);
  r = run("huber_loss", {vec("input", {1e155}), vec("target", {0})}, {{"delta", inf}}, "mean");
  BOOST_TEST(std::isinf(r.loss.data[0]));  // an infinite option is not finite input either
}

BOOST_AUTO_TEST_CASE(a_mean_over_no_target_stays_nan_as_in_pytorch) {
  LossResult r = run("nll_loss", {mat("input", 1, {-1, -2, -3}), vec("target", {-100})}, {}, "mean");
  BOOST_TEST(std::isnan(r.loss.data[0]));
}

BOOST_AUTO_TEST_SUITE_END()
