// Non-owning views of float64 data with a row-major shape.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace lossplay {

using Shape = std::vector<std::size_t>;

// A (pointer, length) view with the shape it has in PyTorch terms.
// A shape of {} is a scalar and holds one element.
struct TensorView {
  const double* data = nullptr;
  std::size_t size = 0;
  Shape shape;

  double operator[](std::size_t i) const { return data[i]; }
};

// An owned tensor: what a loss hands back.
struct Tensor {
  std::vector<double> data;
  Shape shape;
};

// The product of the sizes; throws InputError if it overflows size_t
// (32 bits in wasm), so a forged shape can never pass a size check.
std::size_t element_count(const Shape& shape);
std::string shape_to_string(const Shape& shape);

}  // namespace lossplay
