// Helpers shared by the fit's source files (fit.cpp, fit_landscape.cpp).
// Internal to the core.
#pragma once

namespace lossplay::detail {

// Throws fit_setting_out_of_range {option, range, value} unless ok.
void check_setting(const char* name, double value, bool ok, const char* range);

}  // namespace lossplay::detail
