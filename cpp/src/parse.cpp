// Reading numbers from pasted text: the tokenizer, the number grammar and
// the rows of a matrix.
#include "lossplay/parse.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include <fast_float/fast_float.h>

#include "lossplay/error.hpp"

namespace lossplay {
namespace {

// Decodes one UTF-8 code point at text[i], advancing i. Malformed bytes
// decode as U+FFFD so that they surface as a bad token, not a crash.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b0 = byte(i);
  if (b0 < 0x80) { ++i; return b0; }
  int extra = (b0 >= 0xF0) ? 3 : (b0 >= 0xE0) ? 2 : (b0 >= 0xC0) ? 1 : -1;
  if (extra < 0) { ++i; return 0xFFFD; }  // a stray continuation byte
  char32_t cp = b0 & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += extra + 1;
  return cp;
}

bool is_separator(char32_t c) {
  switch (c) {
    case U' ': case U'\t': case U'\v': case U'\f': case U',': case U';':
    case 0x00A0:                   // no-break space (spreadsheets, web pages)
    case 0x3000:                   // ideographic (full-width) space
    case 0xFF0C:                   // full-width comma ，
    case 0xFF1B:                   // full-width semicolon ；
    case 0x3001:                   // ideographic comma 、
    case 0xFEFF:                   // byte-order mark
    case 0x202F: case 0x205F:      // narrow and mathematical spaces
      return true;
    default:
      return c >= 0x2000 && c <= 0x200B;  // en quad ... zero-width space
  }
}

// Maps the full-width forms an input method types inside a number to ASCII.
// Returns 0 for a character that has no place in a number.
char ascii_in_number(char32_t c) {
  if (c < 0x80) return static_cast<char>(c);
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));  // ０-９
  switch (c) {
    case 0xFF0E: return '.';  // ．
    case 0x3002: return '.';  // 。 typed for a decimal point in Chinese mode
    case 0xFF0D: return '-';  // －
    case 0x2212: return '-';  // − minus sign
    case 0xFF0B: return '+';  // ＋
    case 0xFF45: return 'e';  // ｅ
    case 0xFF25: return 'E';  // Ｅ
    default: return 0;
  }
}

bool equals_ignoring_case(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// True when s (sign already removed) is digits[.digits][e[+-]digits] with
// at least one mantissa digit: the grammar we promise, checked before
// handing the token to fast_float.
bool is_decimal(std::string_view s) {
  std::size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++digits; }
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') { ++i; ++exp_digits; }
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

std::string shown_token(std::string_view raw) {
  // Long garbage (a pasted paragraph) is cut so the message stays readable.
  constexpr std::size_t max_code_points = 32;
  std::size_t i = 0, count = 0;
  while (i < raw.size() && count < max_code_points) { next_code_point(raw, i); ++count; }
  if (i >= raw.size()) return std::string(raw);
  return std::string(raw.substr(0, i)) + "…";
}

[[noreturn]] void fail(const char* code, std::size_t line, std::size_t column, std::string_view raw) {
  throw ParseError(code, line, column, shown_token(raw));
}

double parse_token(std::string_view raw, std::size_t line, std::size_t column) {
  std::string ascii;
  ascii.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    char c = ascii_in_number(next_code_point(raw, i));
    if (c == 0) fail("not_a_number", line, column, raw);
    ascii.push_back(c);
  }
  std::string_view body = ascii;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (equals_ignoring_case(body, "inf") || equals_ignoring_case(body, "infinity") ||
      equals_ignoring_case(body, "nan"))
    fail("not_finite", line, column, raw);
  if (!is_decimal(body)) fail("not_a_number", line, column, raw);

  double value = 0;
  auto result = fast_float::from_chars(body.data(), body.data() + body.size(), value);
  if (result.ec != std::errc() || result.ptr != body.data() + body.size())
    fail("not_a_number", line, column, raw);
  if (std::isinf(value))
    fail("out_of_range", line, column, raw);
  return negative ? -value : value;
}

}  // namespace

Tensor parse_numbers(std::string_view text) {
  Tensor out;
  // Per non-blank line: its number, how many numbers it has, its first token.
  struct Row { std::size_t line, count; std::string_view first; };
  std::vector<Row> rows;

  std::size_t line = 1, column = 0, i = 0;
  std::size_t token_start = 0, token_column = 0;
  bool in_token = false;
  std::size_t line_count = 0;
  std::string_view line_first;

  const auto end_token = [&](std::size_t end) {
    if (!in_token) return;
    std::string_view raw = text.substr(token_start, end - token_start);
    out.data.push_back(parse_token(raw, line, token_column));
    if (line_count == 0) line_first = raw;
    ++line_count;
    in_token = false;
  };
  const auto end_line = [&]() {
    if (line_count) rows.push_back({line, line_count, line_first});
    line_count = 0;
    ++line;
    column = 0;
  };

  while (i < text.size()) {
    std::size_t at = i;
    char32_t c = next_code_point(text, i);
    ++column;
    if (c == U'\n' || c == U'\r') {
      end_token(at);
      if (c == U'\r' && i < text.size() && text[i] == '\n') ++i;  // CRLF is one break
      end_line();
    } else if (is_separator(c)) {
      end_token(at);
    } else if (!in_token) {
      in_token = true;
      token_start = at;
      token_column = column;
    }
  }
  end_token(text.size());
  end_line();

  bool all_single = true;
  for (const Row& r : rows) all_single = all_single && r.count == 1;
  if (rows.size() <= 1 || all_single) {
    out.shape = {out.data.size()};
    return out;
  }
  const Row& first = rows.front();
  for (const Row& r : rows) {
    if (r.count != first.count)
      throw ParseError("ragged_rows", r.line, 1, shown_token(r.first),
                       {{"count", r.count}, {"first_line", first.line}, {"first_count", first.count}});
  }
  out.shape = {rows.size(), first.count};
  return out;
}

}  // namespace lossplay
