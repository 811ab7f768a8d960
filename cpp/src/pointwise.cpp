// pointwise()'s pass around each loss's elementwise loop (kernels.hpp): the
// same for every loss, so it is here once. Built with -msimd128 and -O3
// (kernels.cpp is built for size): each leaf's check and sum run here.
#include <vector>

#include "kernels.hpp"
#include "lossplay/buffers.hpp"

namespace lossplay::detail {
namespace {

struct Pass {
  PointwiseSpan span;
  void* f;
  const double* x;
  const double* y;
  double* values;  // null: each leaf's values go to `block` only
  double* grads;
  double scale;
  bool grads_finite;
  double block[pairwise_leaf_size];
};

double leaf(void* context, std::size_t begin, std::size_t count) {
  Pass& p = *static_cast<Pass*>(context);
  double* values = p.values ? p.values + begin : p.block;
  double* grads = p.grads + begin;
  p.span(p.f, p.x + begin, p.y + begin, values, grads, count, begin, p.scale);
  // g - g is 0 for a finite g and NaN for Infinity or NaN; four
  // accumulators let it run two lanes at a time.
  double acc[4] = {0, 0, 0, 0};
  std::size_t i = 0;
  for (; i + 4 <= count; i += 4)
    for (std::size_t k = 0; k < 4; ++k) acc[k] += grads[i + k] - grads[i + k];
  for (; i < count; ++i) acc[0] += grads[i] - grads[i];
  p.grads_finite = p.grads_finite && (acc[0] + acc[1]) + (acc[2] + acc[3]) == 0;
  return pairwise_leaf_sum(values, count);
}

}  // namespace

LossResult pointwise_pass(const Arguments& args, Reduction reduction, PointwiseSpan span, void* f) {
  const TensorView& x = args.get("input");
  const TensorView& y = args.get("target");
  require_nonempty(x, "input");
  require_same_shape(x, "input", y, "target");
  const std::size_t n = x.size;
  // The per-element losses are stored only when they are the result or the
  // caller reads them (Arguments::terms_wanted).
  const bool store_values = reduction == Reduction::None || args.terms_wanted();
  std::vector<double> values(store_values ? n : 0);
  std::vector<double> grads = reused_or_new(n);  // every element is written below
  Pass pass{span, f, x.data, y.data, store_values ? values.data() : nullptr, grads.data(),
            grad_scale(reduction, x.shape, static_cast<double>(n)), true, {}};
  const double total = pairwise_sum_of(n, leaf, &pass);
  LossResult r = reduce_summed(std::move(values), std::move(grads), x.shape, reduction, "input",
                               static_cast<double>(n), total);
  r.grad_finite = pass.grads_finite;
  return r;
}

}  // namespace lossplay::detail
