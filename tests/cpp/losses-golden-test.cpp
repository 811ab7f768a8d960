// Every golden case: value and gradient as PyTorch gives them, for a loss the registry must have.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "golden.hpp"
#include "lossplay/error.hpp"

namespace bdata = boost::unit_test::data;
using namespace lossplay;
using lossplay::test::GoldenCase;

namespace {

void check_tensor(const char* what, const Tensor& got, const Tensor& want, const GoldenCase& c) {
  BOOST_TEST(got.shape == want.shape, what << " shape " << shape_to_string(got.shape)
                                           << " but PyTorch gives " << shape_to_string(want.shape));
  if (got.data.size() != want.data.size()) return;
  for (std::size_t i = 0; i < got.data.size(); ++i)
    BOOST_TEST(test::close(got.data[i], want.data[i], c.rtol, c.atol),
               what << "[" << i << "] = " << got.data[i] << " but PyTorch gives " << want.data[i]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(golden)

// Every case of every golden file: a case whose loss the registry lacks
// fails (an error case would otherwise pass on "unknown loss").
BOOST_DATA_TEST_CASE(matches_pytorch, bdata::make(test::all_golden_cases()), c) {
  BOOST_TEST_REQUIRE(find_loss(c.loss) != nullptr, c.id << " uses " << c.loss << ", which the registry lacks");
  if (c.error) {
    BOOST_CHECK_THROW(evaluate(c.loss, c.views(), c.options, c.reduction), InputError);
    return;
  }
  LossResult r = evaluate(c.loss, c.views(), c.options, c.reduction);
  check_tensor("loss", r.loss, c.loss_value, c);
  if (c.has_grad) {
    BOOST_TEST(r.grad_arg == c.grad_arg);
    check_tensor("grad", r.grad, c.grad, c);
  }
}

// The study note's worked examples are the first thing a reader tries.
BOOST_AUTO_TEST_CASE(every_blog_case_is_covered) {
  std::size_t blog = 0;
  for (const GoldenCase& c : test::all_golden_cases()) {
    if (c.id.rfind("blog/", 0) != 0) continue;
    ++blog;
    BOOST_TEST(find_loss(c.loss) != nullptr, c.id << " uses " << c.loss << ", which the registry lacks");
  }
  BOOST_TEST(blog >= 8u);
}

BOOST_AUTO_TEST_CASE(note_cross_entropy_reads_0_799169) {
  for (const GoldenCase& c : test::all_golden_cases()) {
    if (c.id != "blog/cross_entropy-probabilities-as-logits") continue;
    LossResult r = evaluate(c.loss, c.views(), c.options, c.reduction);
    BOOST_TEST(r.loss.data.at(0) == 0.799169, boost::test_tools::tolerance(1e-6));
    return;
  }
  BOOST_FAIL("the note's cross-entropy case is missing from the golden file");
}

BOOST_AUTO_TEST_SUITE_END()
