// The error contract of evaluate(): each error names its place, and
// carries the code and params the table of codes lists for it.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include <boost/test/unit_test.hpp>

#include "lossplay/error.hpp"
#include "lossplay/registry.hpp"
#include "loss_runner.hpp"

namespace tt = boost::test_tools;
using namespace lossplay;
using namespace lossplay::test;

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(errors_say_what_and_where) {
  Caught e;
  e = error_of("shape_mismatch", [] { run("mse_loss", {vec("input", {1, 2, 3}), vec("target", {1, 2})}); });
  BOOST_TEST(contains(e, "[2]"));
  BOOST_TEST(contains(e, "[3]"));
  BOOST_TEST((e.text("arg") == "target" && e.list("shape") == Shape{2}));
  BOOST_TEST((e.text("other") == "input" && e.list("other_shape") == Shape{3}));
  e = error_of("empty_argument", [] { run("mse_loss", {vec("input", {}), vec("target", {})}); });
  BOOST_TEST(contains(e, "empty"));
  BOOST_TEST((e.text("arg") == "input"));
  e = error_of("msle_domain", [] { run("msle", {vec("input", {1, -1}), vec("target", {1, 1})}); });
  BOOST_TEST(contains(e, "input[1]"));
  BOOST_TEST(contains(e, "-1"));
  BOOST_TEST((e.text("arg") == "input" && e.list("index") == Shape{1} && e.number("value") == -1.0));
  e = error_of("bce_probability", [] { run("binary_cross_entropy", {vec("input", {0.5, 1.5}), vec("target", {1, 0})}); });
  BOOST_TEST(contains(e, "input[1] is 1.5"));
  BOOST_TEST((e.list("index") == Shape{1} && e.number("value") == 1.5));
  e = error_of("class_index_out_of_range_or_ignored", [] { run("cross_entropy", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0, 2})}); });
  BOOST_TEST(contains(e, "target[1] is 2"));
  BOOST_TEST((e.text("arg") == "target" && e.list("index") == Shape{1} && e.number("value") == 2.0));
  BOOST_TEST((e.number("classes") == 2.0 && e.number("last") == 1.0 && e.number("ignore_index") == -100.0));
  e = error_of("class_index_not_whole", [] { run("cross_entropy", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0, 0.5})}); });
  BOOST_TEST(contains(e, "whole number"));
  e = error_of("option_out_of_range", [] { run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", 0}}); });
  BOOST_TEST(contains(e, "delta"));
  BOOST_TEST(contains(e, "(0, inf)"));
  BOOST_TEST((e.text("option") == "delta" && e.text("loss") == "huber_loss"));
  BOOST_TEST((e.text("range") == "(0, inf)" && e.number("value") == 0.0));
  e = error_of("unknown_option", [] { run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"beta", 1}}); });
  BOOST_TEST(contains(e, "unknown option 'beta'"));
  BOOST_TEST((e.text("option") == "beta" && e.text("options") == "delta"));
  e = error_of("unknown_loss", [] { run("no_such_loss", {vec("input", {1}), vec("target", {1})}); });
  BOOST_TEST(contains(e, "unknown loss"));
  BOOST_TEST((e.text("loss") == "no_such_loss"));
  BOOST_TEST(contains(e.text("losses").value_or(""), "mse_loss, rmse, l1_loss"));
  e = error_of("reduction_unavailable", [] { run("rmse", {vec("input", {1}), vec("target", {1})}, {}, "sum"); });
  BOOST_TEST(contains(e, "mean"));
  BOOST_TEST((e.text("reduction") == "sum" && e.text("loss") == "rmse" && e.text("reductions") == "mean"));
  e = error_of("needs_argument", [] { run("mse_loss", {vec("input", {1})}); });
  BOOST_TEST(contains(e, "target"));
  BOOST_TEST((e.text("loss") == "mse_loss" && e.text("arg") == "target"));
  e = error_of("count_mismatch", [] { run("mse_loss", {Owned{"input", {1, 2}, {3}}, vec("target", {1, 2})}); });
  BOOST_TEST(contains(e, "shape"));
  BOOST_TEST((e.number("count") == 2.0 && e.list("shape") == Shape{3} && e.number("needed") == 3.0));
}

// The codes no other edge test reaches, one case each.

BOOST_AUTO_TEST_CASE(rarer_errors_have_their_codes) {
  Caught e;
  e = error_of("loss_has_no_options", [] { run("mse_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", 1}}); });
  BOOST_TEST(e.message == "unknown option 'delta' for mse_loss; its options are: none");
  e = error_of("class_scores_empty", [] { run("cross_entropy", {Owned{"input", {}, {0, 3}}, vec("target", {})}); });
  BOOST_TEST((e.text("arg") == "input"));
  e = error_of("index_target_shape", [] { run("nll_loss", {Owned{"input", {1, 2, 3, 4}, {2, 2}}, vec("target", {0})}); });
  BOOST_TEST((e.list("shape") == Shape{1} && e.list("index_shape") == Shape{2} && e.text("loss") == "nll_loss"));
  e = error_of("option_not_whole", [] {
    run("multi_margin_loss", {Owned{"input", {1, 2}, {1, 2}}, vec("target", {0})}, {{"p", 1.5}});
  });
  BOOST_TEST((e.text("range") == "[1, 2]" && e.number("value") == 1.5));
  BOOST_TEST(e.message == "option p of multi_margin_loss must be a whole number in [1, 2], got 1.5");
  e = error_of("option_not_boolean", [] {
    run("triplet_margin_loss", {vec("anchor", {1}), vec("positive", {1}), vec("negative", {1})}, {{"swap", 2}});
  });
  BOOST_TEST(e.message == "option swap of triplet_margin_loss must be true or false, got 2");
  // Arguments and Options are what a loss reads; asking for a name they lack is a bug in a loss.
  e = error_of("missing_argument", [] { Arguments({}).get("input"); });
  BOOST_TEST(e.message == "missing argument 'input'");
  e = error_of("missing_option", [] { Options({}).get("delta"); });
  BOOST_TEST(e.message == "missing option 'delta'");
}

// NaN and infinities stay numbers in the params; the message writes them as the ranges do.

BOOST_AUTO_TEST_CASE(non_finite_values_stay_numbers) {
  Caught e = error_of("bce_probability", [] {
    run("binary_cross_entropy", {vec("input", {std::nan("")}), vec("target", {1})});
  });
  BOOST_TEST(std::isnan(e.number("value").value_or(0)));
  BOOST_TEST(e.message.rfind("input[0] is nan:", 0) == 0);
  e = error_of("option_out_of_range", [] {
    run("huber_loss", {vec("input", {1}), vec("target", {1})}, {{"delta", -std::numeric_limits<double>::infinity()}});
  });
  BOOST_TEST((e.number("value") == -std::numeric_limits<double>::infinity()));
  BOOST_TEST(contains(e, "got -inf"));
}

BOOST_AUTO_TEST_CASE(a_shape_that_overflows_size_t_is_refused) {
  // 2 * (SIZE_MAX / 2 + 1) wraps to 0: it must not pass the size check.
  const std::size_t half = std::numeric_limits<std::size_t>::max() / 2 + 1;
  Caught e = error_of("shape_too_large", [&] { run("mse_loss", {Owned{"input", {}, {2, half}}, Owned{"target", {}, {2, half}}}); });
  BOOST_TEST(contains(e, "more elements than memory can hold"));
}

// The table is the contract with every translation: codes unique and
// snake_case, and each placeholder of a template one of its code's params.
BOOST_AUTO_TEST_CASE(the_table_of_codes_is_consistent) {
  const auto snake = [](std::string_view s) {
    if (s.empty() || s.front() == '_' || s.back() == '_') return false;
    for (char c : s)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
  };
  std::vector<std::string_view> seen;
  for (const ErrorCode& c : error_codes()) {
    BOOST_TEST(snake(c.code), "code '" << c.code << "' is not snake_case");
    BOOST_TEST(std::count(seen.begin(), seen.end(), c.code) == 0, "code '" << c.code << "' is listed twice");
    seen.push_back(c.code);
    for (std::string_view p : c.params) BOOST_TEST(snake(p), c.code << ": param '" << p << "' is not snake_case");
    // Every {word} in the template must be a param.
    std::string_view t = c.english;
    for (std::size_t i = t.find('{'); i != std::string_view::npos; i = t.find('{', i + 1)) {
      std::size_t end = i + 1;
      while (end < t.size() && (snake(t.substr(end, 1)) || t[end] == '_')) ++end;
      if (end >= t.size() || t[end] != '}' || end == i + 1) continue;  // "{data, shape}" is text
      const std::string_view name = t.substr(i + 1, end - i - 1);
      BOOST_TEST(std::count(c.params.begin(), c.params.end(), name) == 1,
                 c.code << ": {" << name << "} is not one of its params");
    }
    BOOST_TEST(!c.english.empty());
  }
  BOOST_TEST(find_error_code("shape_mismatch") != nullptr);
  BOOST_TEST(find_error_code("no_such_code") == nullptr);
}

BOOST_AUTO_TEST_CASE(templates_fill_strings_numbers_and_lists) {
  const std::vector<ErrorParam> params = {{"arg", "input"},
                                          {"index", Shape{1, 2}},
                                          {"value", -1e-8},
                                          {"big", 1e300},
                                          {"nan", not_a_number},
                                          {"inf", -inf},
                                          {"count", std::size_t{3}}};
  BOOST_TEST(fill_template("{arg}{index} is {value}", params) == "input[1, 2] is -1e-8");
  BOOST_TEST(fill_template("{big} {nan} {inf} {count}", params) == "1e+300 nan -inf 3");
  // Braces that are not a param stay as written, and a value is never expanded again.
  BOOST_TEST(fill_template("{data, shape} {missing} {}", params) == "{data, shape} {missing} {}");
  BOOST_TEST(fill_template("{a}", {{"a", "{a}"}}) == "{a}");
}

BOOST_AUTO_TEST_CASE(an_error_of_an_unknown_code_still_says_something) {
  InputError e("no_such_code", {});
  BOOST_TEST(std::string(e.what()) == "error no_such_code");
  BOOST_TEST(e.code() == "no_such_code");
}

BOOST_AUTO_TEST_SUITE_END()
