// The analytic gradient of every golden case against central differences
// of sum(loss output) with respect to the prediction argument.
#include <algorithm>
#include <cmath>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "golden.hpp"
#include "lossplay/summation.hpp"

namespace bdata = boost::unit_test::data;
using namespace lossplay;
using lossplay::test::GoldenCase;

namespace {

std::vector<GoldenCase> differentiable_cases() {
  std::vector<GoldenCase> out;
  for (const GoldenCase& c : test::all_golden_cases())
    if (!c.error && c.has_grad) out.push_back(c);
  return out;
}

double summed_loss(const GoldenCase& c, const std::vector<std::pair<std::string, Tensor>>& args) {
  std::vector<NamedTensor> views;
  for (const auto& [name, t] : args) views.push_back({name, TensorView{t.data.data(), t.data.size(), t.shape}});
  LossResult r = evaluate(c.loss, views, c.options, c.reduction);
  return pairwise_sum(r.loss.data.data(), r.loss.data.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gradient_check)

BOOST_DATA_TEST_CASE(central_difference, bdata::make(differentiable_cases()), c) {
  const LossResult analytic = evaluate(c.loss, c.views(), c.options, c.reduction);
  auto args = c.args;
  Tensor* x = nullptr;
  for (auto& [name, t] : args)
    if (name == analytic.grad_arg) x = &t;
  BOOST_TEST_REQUIRE(x != nullptr);
  BOOST_TEST_REQUIRE(analytic.grad.data.size() == x->data.size());

  const bool probabilities = c.loss == "binary_cross_entropy";
  for (std::size_t i = 0; i < x->data.size(); ++i) {
    const double x0 = x->data[i];
    const double h = 1e-6 * std::max(1.0, std::fabs(x0));
    if (probabilities && (x0 - h < 0 || x0 + h > 1)) continue;  // BCE is defined on [0, 1] only
    x->data[i] = x0 + h;
    const double up = summed_loss(c, args);
    x->data[i] = x0 - h;
    const double down = summed_loss(c, args);
    x->data[i] = x0;
    const double numeric = (up - down) / (2 * h);
    const double want = analytic.grad.data[i];
    BOOST_TEST(std::fabs(numeric - want) <= 1e-5 + 1e-5 * std::fabs(want),
               c.id << " d/d" << analytic.grad_arg << "[" << i << "]: analytic " << want
                    << ", central difference " << numeric);
  }
}

BOOST_AUTO_TEST_SUITE_END()
