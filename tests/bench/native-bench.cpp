// The native core as a peer for scripts/bench.sh: times evaluate() on the
// same inputs the JS bench builds (same generator, same seed), and the
// parser on the same text, and prints one JSON object per line.
//   lossplay_native_bench LOSS N REPEATS      {"loss":…,"n":…,"ms":best}
//   lossplay_native_bench --parse N REPEATS   {"parse":…,"bytes":…,"ms":best}
//   lossplay_native_bench --fit-KIND:LOSS N REPEATS   {"fit":KIND,"loss":…,"n":…,"ms":best}
//     KIND: step (F(w, b) and its gradient, what one optimiser step costs),
//     optimum (exact_optimum), landscape (a 100 x 100 grid); on a noisy
//     line y = 2x + 1 with outliers (labels for the classifiers).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "lossplay/fit.hpp"
#include "lossplay/parse.hpp"
#include "lossplay/registry.hpp"

namespace {

// xorshift32 over [0, 1), as scripts/bench/data.js generates.
struct Random {
  std::uint32_t state;
  double next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state / 4294967296.0;
  }
};

struct Case {
  std::vector<double> input, target;
  lossplay::Shape input_shape, target_shape;
};

// Mirrors scripts/bench/data.js: what each loss is given.
Case make_case(const std::string& loss, std::size_t n) {
  Random r{12345};
  Case c;
  const std::size_t classes = 10;
  if (loss == "cross_entropy") {
    c.input.resize(n * classes);
    for (double& v : c.input) v = r.next() * 4 - 2;
    c.target.resize(n);
    for (double& v : c.target) v = std::floor(r.next() * classes);
    c.input_shape = {n, classes};
    c.target_shape = {n};
    return c;
  }
  c.input.resize(n);
  c.target.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double a = r.next(), b = r.next();
    if (loss == "binary_cross_entropy") {
      c.input[i] = 0.01 + 0.98 * a;
      c.target[i] = b < 0.5 ? 0 : 1;
    } else if (loss == "binary_cross_entropy_with_logits") {
      c.input[i] = a * 8 - 4;
      c.target[i] = b < 0.5 ? 0 : 1;
    } else if (loss == "hinge" || loss == "hinge_embedding_loss") {
      c.input[i] = a * 4 - 2;
      c.target[i] = b < 0.5 ? -1 : 1;
    } else {
      c.input[i] = a * 10;
      c.target[i] = b * 10;
    }
  }
  c.input_shape = {n};
  c.target_shape = {n};
  return c;
}

template <class F>
double best_ms(int repeats, F f) {
  f();  // warm-up
  double best = 1e300;
  for (int k = 0; k < repeats; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s LOSS|--parse N REPEATS\n", argv[0]);
    return 2;
  }
#if defined(__GLIBC__)
  // glibc hands each buffer over 128 KB back to the system when freed, so
  // every call would fault 16+ MB of fresh pages in again: the wasm heap keeps
  // its memory. Keeping it here too times the core, not the page faults.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
  const std::string what = argv[1];
  const auto n = static_cast<std::size_t>(std::strtod(argv[2], nullptr));
  const int repeats = std::atoi(argv[3]);
  volatile double sink = 0;
  if (what == "--parse") {
    // The JS bench's text: toFixed(6) numbers, one per line.
    Random r{12345};
    std::string text;
    char buf[64];
    for (std::size_t i = 0; i < n; ++i) {
      std::snprintf(buf, sizeof buf, "%.6f\n", r.next() * 10);
      text += buf;
    }
    const double ms = best_ms(repeats, [&] { sink = sink + lossplay::parse_numbers(text).data.back(); });
    std::printf("{\"parse\":%zu,\"bytes\":%zu,\"ms\":%.6f}\n", n, text.size(), ms);
    return 0;
  }
  if (what.rfind("--fit-", 0) == 0) {
    const std::size_t colon = what.find(':');
    const std::string kind = what.substr(6, colon - 6), loss = what.substr(colon + 1);
    Random r{12345};
    std::vector<double> x(n), y(n);
    for (std::size_t i = 0; i < n; ++i) {
      x[i] = r.next() * 10;
      const double u = r.next(), v = r.next();
      if (loss == "binary_cross_entropy_with_logits" || loss == "sigmoid_focal_loss")
        y[i] = u < 1 / (1 + std::exp(-(x[i] - 5))) ? 1 : 0;
      else if (loss == "hinge" || loss == "squared_hinge")
        y[i] = u < 1 / (1 + std::exp(-(x[i] - 5))) ? 1 : -1;
      else
        y[i] = 2 * x[i] + 1 + (u - 0.5) + (v < 0.01 ? 50 : 0);  // 1% outliers
    }
    lossplay::FitObjective f(loss, {}, x.data(), y.data(), n);
    double ms = 0;
    if (kind == "step") {
      ms = best_ms(repeats, [&] {
        double dw, db;
        sink = sink + f.value_and_gradient(1.5, 0.5, dw, db) + dw + db;
      });
    } else if (kind == "optimum") {
      lossplay::FitOptimum o;
      ms = best_ms(repeats, [&] {
        o = lossplay::exact_optimum(f);
        sink = sink + o.w;
      });
      std::printf("{\"fit\":\"optimum\",\"loss\":\"%s\",\"n\":%zu,\"ms\":%.6f,\"method\":\"%s\",\"iterations\":%zu,"
                  "\"w\":%.17g,\"b\":%.17g,\"gradient\":%.3g}\n",
                  loss.c_str(), n, ms, o.method.c_str(), o.iterations, o.w, o.b, o.gradient_norm);
      return 0;
    } else if (kind == "landscape") {
      ms = best_ms(repeats, [&] { sink = sink + lossplay::landscape(f, 0, 4, -5, 5, 100, 100).values[0]; });
    } else {
      std::fprintf(stderr, "unknown fit bench %s\n", kind.c_str());
      return 2;
    }
    std::printf("{\"fit\":\"%s\",\"loss\":\"%s\",\"n\":%zu,\"ms\":%.6f}\n", kind.c_str(), loss.c_str(), n, ms);
    return 0;
  }
  const Case c = make_case(what, n);
  const double ms = best_ms(repeats, [&] {
    const auto r = lossplay::evaluate(what,
                                      {{"input", {c.input.data(), c.input.size(), c.input_shape}},
                                       {"target", {c.target.data(), c.target.size(), c.target_shape}}},
                                      {}, "mean");
    sink = sink + r.loss.data[0] + r.grad.data[0];
  });
  std::printf("{\"loss\":\"%s\",\"n\":%zu,\"ms\":%.6f}\n", what.c_str(), n, ms);
  return 0;
}
