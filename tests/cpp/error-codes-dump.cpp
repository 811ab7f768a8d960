// Prints error_codes() as JSON, for tests/cpp/error-strings-check.mjs to
// compare with the page's translations (web/src/i18n/strings/errors.js).
#include <cstdio>
#include <string>
#include <string_view>

#include "lossplay/error.hpp"

namespace {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

const char* kind_name(lossplay::ErrorKind k) {
  switch (k) {
    case lossplay::ErrorKind::Parse: return "parse";
    case lossplay::ErrorKind::Input: return "input";
    case lossplay::ErrorKind::Internal: return "internal";
  }
  return "internal";
}

}  // namespace

int main() {
  std::string out = "[";
  bool first = true;
  for (const lossplay::ErrorCode& c : lossplay::error_codes()) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "{\"code\":" + json_string(c.code) + ",\"kind\":\"" + kind_name(c.kind) + "\",\"params\":[";
    bool first_param = true;
    for (std::string_view p : c.params) {
      out += (first_param ? "" : ",") + json_string(p);
      first_param = false;
    }
    out += "],\"english\":" + json_string(c.english) + "}";
  }
  out += "\n]\n";
  std::fputs(out.c_str(), stdout);
  return 0;
}
