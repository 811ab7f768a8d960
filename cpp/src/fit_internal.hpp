// Helpers shared by the fit's source files (fit.cpp, fit_landscape.cpp).
// Internal to the core.
#pragma once

#include <cstddef>
#include <vector>

#include "lossplay/fit.hpp"

namespace lossplay::detail {

// Throws fit_setting_out_of_range {option, range, value} unless ok.
void check_setting(const char* name, double value, bool ok, const char* range);

// The landscape's losses summed term by term (fit_landscape.cpp).
enum class LandscapeTerm { BceLogits, Focal, LogCosh, Msle };

// Fills l.values (and l.outside_domain) for a large grid at display
// precision (fit_landscape_fast.cpp): BCE with logits and focal with γ = 2
// for labels in [0, 1] (alpha is focal's α; floats: focal's labels are all
// 0 or 1, summed in float32 to 1e-5), log-cosh, MSLE.
void fast_term_landscape(LandscapeTerm term, const double* x, const double* y, std::size_t n, double alpha,
                         bool floats, Landscape& l, const std::vector<double>& ws, const std::vector<double>& bs);

}  // namespace lossplay::detail
