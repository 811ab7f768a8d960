// The parser for pasted text: shapes, separators, full-width input, exact
// rounding, and errors that name line, column and token.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <random>
#include <string>

#include <boost/test/unit_test.hpp>
#include <fast_float/fast_float.h>

#include "lossplay/error.hpp"
#include "lossplay/parse.hpp"
#include "loss_runner.hpp"

namespace tt = boost::test_tools;
using namespace lossplay;

namespace {

struct Failure {
  std::string code;
  std::size_t line = 0, column = 0;
  std::string token, message;
  test::Caught caught;  // the code and params as a page receives them
};

// The ParseError `text` raises, checked against the table of codes; its
// line, column and token must also be its params.
Failure failure_of(std::string_view text) {
  try {
    parse_numbers(text);
  } catch (const ParseError& e) {
    test::check_against_table(e, ErrorKind::Parse);
    test::Caught c{e.what(), e.code(), e.params()};
    BOOST_TEST((c.number("line") == std::optional<double>(static_cast<double>(e.line()))));
    BOOST_TEST((c.number("column") == std::optional<double>(static_cast<double>(e.column()))));
    BOOST_TEST((c.text("token") == std::optional<std::string>(e.token())));
    return {e.code(), e.line(), e.column(), e.token(), e.what(), c};
  }
  BOOST_FAIL("no ParseError for: " << text);
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parse)

BOOST_AUTO_TEST_CASE(one_line_is_a_vector) {
  Tensor t = parse_numbers("1 3 5");
  BOOST_TEST(t.shape == Shape({3}), tt::per_element());
  BOOST_TEST(t.data == std::vector<double>({1, 3, 5}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(every_ascii_separator) {
  Tensor t = parse_numbers("1,2;3\t4  5 ,, 6;");
  BOOST_TEST(t.data == std::vector<double>({1, 2, 3, 4, 5, 6}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(one_number_per_line_is_a_vector) {
  Tensor t = parse_numbers("1\r\n2\n\n3\n");
  BOOST_TEST(t.shape == Shape({3}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(rows_make_a_matrix) {
  Tensor t = parse_numbers("0.7, 0.2, 0.1\n0.1, 0.8, 0.1\n\n0.2 0.3 0.5\n");
  BOOST_TEST(t.shape == Shape({3, 3}), tt::per_element());
  BOOST_TEST(t.data[4] == 0.8);
}

BOOST_AUTO_TEST_CASE(full_width_input_method_text) {
  // ， ； 、 and the ideographic space separate; full-width digits, minus
  // and point (． or 。) read as their ASCII forms.
  Tensor t = parse_numbers("１，２；３。５　－４、0.5，1e-3");
  BOOST_TEST(t.data == std::vector<double>({1, 2, 3.5, -4, 0.5, 1e-3}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(number_forms) {
  Tensor t = parse_numbers("-.5 +2 3. 1E3 −7 0.1e+1");
  BOOST_TEST(t.data == std::vector<double>({-0.5, 2, 3, 1000, -7, 1}), tt::per_element());
}

BOOST_AUTO_TEST_CASE(empty_text_is_an_empty_vector) {
  Tensor t = parse_numbers(" \n\t\n");
  BOOST_TEST(t.data.empty());
  BOOST_TEST(t.shape == Shape({0}), tt::per_element());
}

// fast_float must agree with the C library's correctly rounded strtod.
BOOST_AUTO_TEST_CASE(rounds_exactly_like_strtod) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int> digit(0, 9), length(1, 25), exponent(-320, 310);
  char buf[64];
  for (int k = 0; k < 20000; ++k) {
    std::string s = "0.";
    int n = length(rng);
    for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + digit(rng)));
    std::snprintf(buf, sizeof buf, "e%d", exponent(rng));
    s += buf;
    double want = std::strtod(s.c_str(), nullptr);
    if (std::isinf(want)) continue;
    BOOST_TEST_REQUIRE(parse_numbers(s).data.at(0) == want, s);
  }
}

BOOST_AUTO_TEST_CASE(bad_token_is_named_with_line_and_column) {
  Failure f = failure_of("1 2 3\n4 abc 6");
  BOOST_TEST(f.code == "not_a_number");
  BOOST_TEST(f.line == 2u);
  BOOST_TEST(f.column == 3u);
  BOOST_TEST(f.token == "abc");
  BOOST_TEST(f.message == "line 2, column 3: expected a number, found \"abc\"");
}

BOOST_AUTO_TEST_CASE(columns_count_characters_not_bytes) {
  Failure f = failure_of("１，２，x");
  BOOST_TEST(f.column == 5u);
  BOOST_TEST(f.token == "x");
}

BOOST_AUTO_TEST_CASE(malformed_numbers) {
  for (const char* bad : {"1..2", "-", "e5", "1e", "1e+", "1,2.3.4", "--1", "0x1F", "1_000"}) {
    BOOST_TEST_CONTEXT(bad) { BOOST_TEST(failure_of(bad).code == "not_a_number"); }
  }
}

BOOST_AUTO_TEST_CASE(non_finite_and_overflowing_numbers) {
  BOOST_TEST(failure_of("1 nan").code == "not_finite");
  BOOST_TEST(failure_of("-Infinity").code == "not_finite");
  Failure f = failure_of("1 2 1e400");
  BOOST_TEST(f.code == "out_of_range");
  BOOST_TEST(f.column == 5u);
}

BOOST_AUTO_TEST_CASE(ragged_rows_name_the_line) {
  Failure f = failure_of("1 2 3\n4 5 6\n7 8\n");
  BOOST_TEST(f.code == "ragged_rows");
  BOOST_TEST(f.line == 3u);
  BOOST_TEST(f.message ==
             "line 3 has a row of length 2 but line 1 has one of length 3: every row of a matrix "
             "needs the same length");
  BOOST_TEST((f.caught.number("count") == std::optional<double>(2)));
  BOOST_TEST((f.caught.number("first_line") == std::optional<double>(1)));
  BOOST_TEST((f.caught.number("first_count") == std::optional<double>(3)));
  BOOST_TEST((f.caught.text("token") == std::optional<std::string>("7")));
}

BOOST_AUTO_TEST_CASE(long_tokens_are_cut_in_the_message) {
  Failure f = failure_of(std::string(200, 'z'));
  BOOST_TEST(f.token.size() < 40u);
}

BOOST_AUTO_TEST_SUITE_END()

// The ASCII fast path converts short numbers itself (Clinger's exact
// case): every number must still be bit for bit what fast_float, the
// general path's converter, reads from the same digits, and the sign,
// separators and leading zeros must not change that.
BOOST_AUTO_TEST_CASE(fast_path_reads_the_bits_fast_float_reads) {
  std::mt19937 g(7);
  std::size_t checked = 0;
  for (int k = 0; k < 200000; ++k) {
    std::string body;
    const int whole = static_cast<int>(g() % 20), fraction = static_cast<int>(g() % 20);
    for (int d = 0; d < whole; ++d) body += static_cast<char>('0' + g() % 10);
    if (g() % 2) {
      body += '.';
      for (int d = 0; d < fraction; ++d) body += static_cast<char>('0' + g() % 10);
    }
    if (body.find_first_of("0123456789") == std::string::npos) continue;
    if (g() % 3 == 0) body += (g() % 2 ? "e-" : "e") + std::to_string(g() % 40);
    double expected = 0;
    fast_float::from_chars(body.data(), body.data() + body.size(), expected);
    if (std::isinf(expected)) continue;
    const bool negative = g() % 2;
    const Tensor t = parse_numbers((negative ? "-" : "") + body + (g() % 2 ? "\n" : ", 0"));
    const double want = negative ? -expected : expected;
    BOOST_TEST_REQUIRE(std::memcmp(&t.data[0], &want, sizeof want) == 0, body << " read as " << t.data[0]);
    ++checked;
  }
  BOOST_TEST(checked > 150000u);
}
