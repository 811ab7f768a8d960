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

bool is_ascii_break(unsigned char b) {
  switch (b) {
    case ' ': case '\t': case '\v': case '\f': case ',': case ';': case '\n': case '\r':
      return true;
    default:
      return false;
  }
}

// Exact powers of ten: every 10^k up to 10^22 is a double without rounding.
constexpr double exact_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                          1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The fast path for the common token: plain ASCII [+-]digits[.digits][e[+-]digits]
// followed by an ASCII separator, a line break or the end. Returns the end
// of such a token starting at `i`, with its value in `value`, or 0 for
// anything else (full-width forms, garbage, out of range): the general path
// then reads the token and reports its error.
//
// The value is bit for bit what parse_token gives: a mantissa w < 2^53 with
// a decimal exponent q in [-22, 22] is w * 10^q or w / 10^-q, each one
// correctly rounded IEEE operation on exact operands (Clinger's fast path,
// the one fast_float itself takes first); other numbers go to fast_float.
std::size_t fast_number(std::string_view text, std::size_t i, double& value) {
  const std::size_t n = text.size();
  const char* s = text.data();
  std::size_t p = i;
  const bool negative = s[p] == '-';
  if (s[p] == '+' || s[p] == '-') ++p;
  const std::size_t body = p;
  std::uint64_t mantissa = 0;
  std::size_t digits = 0, fraction_digits = 0, significant = 0;
  const auto digit = [&](char c) {
    // Leading zeros add no significant digit; 19 digits still fit in 64 bits.
    if (significant || c != '0') ++significant;
    if (significant <= 19) mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
  };
  while (p < n && s[p] >= '0' && s[p] <= '9') { digit(s[p]); ++p; ++digits; }
  if (p < n && s[p] == '.') {
    ++p;
    while (p < n && s[p] >= '0' && s[p] <= '9') { digit(s[p]); ++p; ++digits; ++fraction_digits; }
  }
  if (digits == 0) return 0;
  long exponent = 0;
  if (p < n && (s[p] == 'e' || s[p] == 'E')) {
    ++p;
    bool exp_negative = false;
    if (p < n && (s[p] == '+' || s[p] == '-')) exp_negative = s[p++] == '-';
    std::size_t exp_digits = 0;
    while (p < n && s[p] >= '0' && s[p] <= '9') {
      if (exponent < 100000) exponent = exponent * 10 + (s[p] - '0');
      ++p;
      ++exp_digits;
    }
    if (exp_digits == 0) return 0;
    if (exp_negative) exponent = -exponent;
  }
  if (p < n && !is_ascii_break(static_cast<unsigned char>(s[p]))) return 0;
  const long q = exponent - static_cast<long>(fraction_digits);
  if (significant <= 15 && q >= -22 && q <= 22) {
    // At most 15 digits: the mantissa is below 10^15 < 2^53, exact as a double.
    const auto w = static_cast<double>(mantissa);
    value = q < 0 ? w / exact_powers_of_ten[-q] : w * exact_powers_of_ten[q];
  } else {
    auto result = fast_float::from_chars(s + body, s + p, value);
    if (result.ec != std::errc() || result.ptr != s + p || std::isinf(value)) return 0;
  }
  if (negative) value = -value;
  return p;
}

}  // namespace

Tensor parse_numbers(std::string_view text) {
  Tensor out;
  // Per non-blank line: its number, how many numbers it has, its first
  // token. Only the first row and the first that differs from it in length
  // are kept (a million lines need no list of rows).
  struct Row { std::size_t line, count; std::string_view first; };
  Row first_row{0, 0, {}}, ragged{0, 0, {}};
  std::size_t row_count = 0;
  bool all_single = true;

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
    if (line_count) {
      const Row r{line, line_count, line_first};
      if (row_count++ == 0) first_row = r;
      else if (ragged.count == 0 && r.count != first_row.count) ragged = r;
      all_single = all_single && line_count == 1;
    }
    line_count = 0;
    ++line;
    column = 0;
  };

  // Room for a number per 8 bytes at once (a typical "0.123456\n" takes 9):
  // big inputs grow the array rarely, and the estimate costs no pass over
  // the text; it reserves no more memory than the text itself takes.
  out.data.reserve(text.size() / 8 + 1);

  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n') {  // the general path below does the same, more slowly
      end_token(i);
      end_line();
      ++i;
      continue;
    }
    if (b < 0x80 && !in_token && !is_ascii_break(b)) {
      // A token starts here: most are plain ASCII numbers, read at once.
      double value;
      if (const std::size_t end = fast_number(text, i, value)) {
        out.data.push_back(value);
        if (line_count == 0) line_first = text.substr(i, end - i);
        ++line_count;
        column += end - i;
        i = end;
        continue;
      }
    }
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

  if (row_count <= 1 || all_single) {
    out.shape = {out.data.size()};
    return out;
  }
  if (ragged.count)
    throw ParseError("ragged_rows", ragged.line, 1, shown_token(ragged.first),
                     {{"count", ragged.count}, {"first_line", first_row.line}, {"first_count", first_row.count}});
  out.shape = {row_count, first_row.count};
  return out;
}

}  // namespace lossplay
