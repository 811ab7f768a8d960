// pointwise() (kernels.hpp, pointwise.cpp): the one pass that computes each
// of pairwise_sum's leaves, sums it and checks its gradients in cache. Its
// total must be bit for bit pairwise_sum of the per-element losses, the
// per-element losses may be left unstored when the caller does not want
// them (with value and gradient unchanged), and a non-finite gradient in
// any leaf must be seen.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "../../cpp/src/kernels.hpp"
#include "lossplay/buffers.hpp"
#include "lossplay/registry.hpp"
#include "lossplay/summation.hpp"

using namespace lossplay;
using namespace lossplay::detail;

namespace {

// Sizes around the leaf (128) and the unrolled width (8), and a large odd one.
const std::size_t kSizes[] = {1, 7, 8, 9, 127, 128, 129, 255, 256, 257, 1000, 4099, 100003};

struct Data {
  std::vector<double> x, y;
  explicit Data(std::size_t n) : x(n), y(n) {
    for (std::size_t i = 0; i < n; ++i) {
      // Values of mixed sizes, so that the order of the additions shows in the last bits.
      x[i] = std::sin(static_cast<double>(i) * 0.7) * std::pow(10.0, static_cast<double>(i % 7) - 3);
      y[i] = std::cos(static_cast<double>(i) * 1.3);
    }
  }
  Arguments args(bool terms_wanted) const {
    Arguments a({{"input", {x.data(), x.size(), {x.size()}}}, {"target", {y.data(), y.size(), {y.size()}}}});
    a.set_terms_wanted(terms_wanted);
    return a;
  }
};

// A loss of arithmetic only (vectorised: Simd = true) and one with a libm call.
LossResult squares(const Arguments& args, Reduction reduction) {
  return pointwise<true>(args, reduction, [](double x, double y, double& g, std::size_t) {
    const double d = x - y;
    g = 2 * d;
    return d * d;
  });
}

LossResult exps(const Arguments& args, Reduction reduction) {
  return pointwise(args, reduction, [](double x, double y, double& g, std::size_t i) {
    g = std::exp(x) + static_cast<double>(i % 3);
    return std::exp(x) - y;
  });
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

BOOST_AUTO_TEST_SUITE(pointwise_pass)

BOOST_AUTO_TEST_CASE(pairwise_sum_of_is_pairwise_sum_leaf_by_leaf) {
  for (std::size_t n : kSizes) {
    const Data d(n);
    std::vector<double> filled(n, std::numeric_limits<double>::quiet_NaN());
    struct Fill {
      const Data* d;
      std::vector<double>* out;
      std::size_t next;
    } fill{&d, &filled, 0};
    bool in_order = true;
    const auto leaf = [](void* context, std::size_t begin, std::size_t count) {
      Fill& f = *static_cast<Fill*>(context);
      if (begin != f.next || count == 0 || count > pairwise_leaf_size) return std::numeric_limits<double>::quiet_NaN();
      for (std::size_t i = begin; i < begin + count; ++i) (*f.out)[i] = f.d->x[i];
      f.next = begin + count;
      return pairwise_leaf_sum(f.out->data() + begin, count);
    };
    const double total = pairwise_sum_of(n, leaf, &fill);
    in_order = fill.next == n;
    BOOST_TEST(in_order, "leaves cover [0, " << n << ") in order");
    BOOST_TEST(same_bits(total, pairwise_sum(d.x.data(), n)), "n = " << n << ": " << total);
  }
}

BOOST_AUTO_TEST_CASE(the_total_is_pairwise_sum_of_the_terms) {
  for (const auto loss : {squares, exps}) {
    for (std::size_t n : kSizes) {
      const Data d(n);
      const LossResult sum = loss(d.args(true), Reduction::Sum);
      const LossResult none = loss(d.args(true), Reduction::None);
      BOOST_TEST(sum.terms.data.size() == n);
      BOOST_TEST(same_bits(sum.loss.data[0], pairwise_sum(none.loss.data.data(), n)), "n = " << n);
      BOOST_TEST(same_bits(sum.loss.data[0], pairwise_sum(sum.terms.data.data(), n)), "n = " << n);
      const LossResult mean = loss(d.args(true), Reduction::Mean);
      BOOST_TEST(same_bits(mean.loss.data[0], sum.loss.data[0] / static_cast<double>(n)), "n = " << n);
    }
  }
}

BOOST_AUTO_TEST_CASE(terms_left_out_change_neither_value_nor_gradient) {
  for (const auto loss : {squares, exps}) {
    for (std::size_t n : kSizes) {
      const Data d(n);
      for (Reduction reduction : {Reduction::Mean, Reduction::Sum}) {
        const LossResult all = loss(d.args(true), reduction);
        const LossResult some = loss(d.args(false), reduction);
        BOOST_TEST(some.terms.data.empty());
        BOOST_TEST(same_bits(some.loss.data[0], all.loss.data[0]), "n = " << n);
        BOOST_TEST(some.grad.data == all.grad.data, "n = " << n);
        bool finite = true;  // exps overflows for the larger x
        for (double g : all.grad.data) finite = finite && std::isfinite(g);
        BOOST_TEST(some.grad_finite == finite, "n = " << n);
        BOOST_TEST(all.grad_finite == finite, "n = " << n);
      }
      // Unreduced, the per-element losses are the result: stored even unwanted.
      const LossResult none = loss(d.args(false), Reduction::None);
      BOOST_TEST(none.loss.data == loss(d.args(true), Reduction::None).loss.data);
    }
  }
}

// One Infinity or NaN gradient, in the first, a middle or the last leaf,
// clears grad_finite; none leaves it set. With n = 1003 the last leaf has
// 67 elements, so element 1002 is in the check's scalar tail.
BOOST_AUTO_TEST_CASE(a_non_finite_gradient_in_any_leaf_is_seen) {
  const std::size_t n = 1003;
  Data d(n);
  BOOST_TEST(squares(d.args(false), Reduction::Mean).grad_finite);
  for (std::size_t bad : {std::size_t{0}, std::size_t{5}, std::size_t{130}, std::size_t{500}, std::size_t{1002}}) {
    for (double v : {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()}) {
      Data e(n);
      e.x[bad] = v;
      for (bool terms : {false, true}) {
        const LossResult r = squares(e.args(terms), Reduction::Mean);
        BOOST_TEST(!r.grad_finite, "element " << bad << " = " << v);
      }
    }
  }
}

// The wasm bindings recycle each gradient once copied out, and the next
// pass of that size writes into it: stale numbers (NaN here) must all be
// overwritten, and another size must not get the kept buffer.
BOOST_AUTO_TEST_CASE(a_recycled_gradient_buffer_is_written_whole) {
  for (std::size_t n : {std::size_t{4096}, std::size_t{5003}, std::size_t{100003}}) {
    const Data d(n);
    const LossResult fresh = squares(d.args(true), Reduction::Mean);
    std::vector<double> stale(n, std::numeric_limits<double>::quiet_NaN());
    const double* kept = stale.data();
    recycle(std::move(stale));
    const LossResult again = squares(d.args(true), Reduction::Mean);
    BOOST_TEST((again.grad.data.data() == kept), "n = " << n << ": the kept buffer is reused");
    BOOST_TEST(again.grad.data == fresh.grad.data, "n = " << n);
    BOOST_TEST(again.grad_finite);
    BOOST_TEST(same_bits(again.loss.data[0], fresh.loss.data[0]));
  }
  std::vector<double> other(5000, 1.0);
  const double* kept = other.data();
  recycle(std::move(other));
  const Data d(4999);
  BOOST_TEST((squares(d.args(true), Reduction::Mean).grad.data.data() != kept));
  BOOST_TEST(detail::reused_or_new(5000).data() == kept);  // still kept for its own size
  BOOST_TEST(detail::reused_or_new(5000) == std::vector<double>(5000));  // taken: a new zero-filled one
}

BOOST_AUTO_TEST_SUITE_END()
