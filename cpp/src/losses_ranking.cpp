// Ranking and embedding losses: margin_ranking_loss, cosine_embedding_loss,
// triplet_margin_loss.
#include <cmath>

#include "kernels.hpp"
#include "registry_builders.hpp"

namespace lossplay::detail {

void add_ranking_losses(std::vector<LossSpec>& r) {
  (void)r;
}

}  // namespace lossplay::detail
