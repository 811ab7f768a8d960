// The study note's MSE and cross-entropy examples through the C++ core.
#include <cstdio>

#include "lossplay/parse.hpp"
#include "lossplay/registry.hpp"

int main() {
  using namespace lossplay;
  Tensor yhat = parse_numbers("1 3 5");
  Tensor y = parse_numbers("2，4，6");  // full-width commas are fine
  LossResult mse = evaluate("mse_loss", {{"input", {yhat.data.data(), yhat.data.size(), yhat.shape}},
                                         {"target", {y.data.data(), y.data.size(), y.shape}}},
                            {}, "mean");
  std::printf("mse_loss = %.6f, grad = [%.4f, %.4f, %.4f]\n", mse.loss.data[0], mse.grad.data[0],
              mse.grad.data[1], mse.grad.data[2]);

  // Probabilities passed where cross_entropy expects logits, as in the note.
  Tensor p = parse_numbers("0.7 0.2 0.1\n0.1 0.8 0.1\n0.2 0.3 0.5");
  Tensor onehot = parse_numbers("1 0 0\n0 1 0\n0 0 1");
  LossResult ce = evaluate("cross_entropy", {{"input", {p.data.data(), p.data.size(), p.shape}},
                                             {"target", {onehot.data.data(), onehot.data.size(), onehot.shape}}},
                           {}, "mean");
  std::printf("cross_entropy = %.6f\n", ce.loss.data[0]);
}
