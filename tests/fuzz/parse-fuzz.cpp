// libFuzzer harness for the parser: any bytes either parse into a tensor
// whose shape accounts for every number, or raise a ParseError that points
// inside the text. Anything else (a crash, another exception, a sanitizer
// report) is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "lossplay/error.hpp"
#include "lossplay/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  try {
    const lossplay::Tensor t = lossplay::parse_numbers(text);
    std::size_t count = 1;
    for (std::size_t d : t.shape) count *= d;
    if (t.shape.empty()) count = t.data.empty() ? 0 : 1;
    if (count != t.data.size() || t.shape.size() > 2) std::abort();
    for (double v : t.data)
      if (!std::isfinite(v)) std::abort();  // the parser refuses non-finite numbers
  } catch (const lossplay::ParseError& e) {
    // Positions are 1-based and within the text (a column may sit one past
    // the last character, where a missing token was expected).
    if (e.line() < 1 || e.column() < 1 || e.line() > size + 1 || e.column() > size + 1) std::abort();
    if (std::string_view(e.what()).empty()) std::abort();
  }
  return 0;
}
