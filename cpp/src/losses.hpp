// The loss implementations the registry points at. Each takes its tensors
// by name, checks them, and returns value and gradient from one pass.
#pragma once

#include "lossplay/registry.hpp"

namespace lossplay::losses {

// Regression (losses_regression.cpp)
LossResult mse(const Arguments&, const Options&, Reduction);
LossResult rmse(const Arguments&, const Options&, Reduction);
LossResult l1(const Arguments&, const Options&, Reduction);
LossResult huber(const Arguments&, const Options&, Reduction);
LossResult msle(const Arguments&, const Options&, Reduction);

// Binary classification (losses_binary.cpp)
LossResult binary_cross_entropy(const Arguments&, const Options&, Reduction);
LossResult binary_cross_entropy_with_logits(const Arguments&, const Options&, Reduction);
LossResult hinge(const Arguments&, const Options&, Reduction);
LossResult hinge_embedding(const Arguments&, const Options&, Reduction);

// Multiclass classification (losses_multiclass.cpp)
LossResult cross_entropy(const Arguments&, const Options&, Reduction);
LossResult nll(const Arguments&, const Options&, Reduction);

}  // namespace lossplay::losses
