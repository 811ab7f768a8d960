// The registry is what the page is built from: every entry must be complete.
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "lossplay/registry.hpp"

using namespace lossplay;

BOOST_AUTO_TEST_SUITE(registry_entries)

BOOST_AUTO_TEST_CASE(has_the_study_notes_losses) {
  for (const char* name : {"mse_loss", "rmse", "l1_loss", "huber_loss", "msle", "cross_entropy",
                           "binary_cross_entropy", "binary_cross_entropy_with_logits", "hinge",
                           "hinge_embedding_loss"})
    BOOST_TEST(find_loss(name) != nullptr, name);
}

BOOST_AUTO_TEST_CASE(every_entry_is_complete_and_unique) {
  std::set<std::string> names, short_names;
  for (const LossSpec& s : registry()) {
    BOOST_TEST_CONTEXT(s.name) {
      BOOST_TEST(names.emplace(s.name).second);
      BOOST_TEST(short_names.emplace(s.short_name).second);
      BOOST_TEST(!s.short_name.empty());
      BOOST_TEST(!s.short_zh.empty());
      BOOST_TEST(!s.title_en.empty());
      BOOST_TEST(!s.title_zh.empty());
      BOOST_TEST(!s.group.empty());
      BOOST_TEST(!s.formula.empty());
      BOOST_TEST(!s.gradient.empty());
      BOOST_TEST(s.evaluate != nullptr);
      BOOST_TEST(!s.reductions.empty());
      // Exactly one argument is the prediction the gradient is taken against.
      std::size_t predictions = 0;
      for (const ArgSpec& a : s.args) predictions += a.role == ArgRole::Prediction ? 1 : 0;
      BOOST_TEST(predictions == 1u);
      for (const ArgSpec& a : s.args) {
        BOOST_TEST(!a.shape_en.empty(), a.name);
        BOOST_TEST(!a.shape_zh.empty(), a.name);
        BOOST_TEST(!a.help_en.empty(), a.name);
        BOOST_TEST(!a.help_zh.empty(), a.name);
      }
      for (const OptionSpec& o : s.options) {
        BOOST_TEST_CONTEXT(o.name) {
          BOOST_TEST(o.accepts(o.default_value));
          BOOST_TEST(!o.help_en.empty());
          BOOST_TEST(!o.help_zh.empty());
        }
      }
    }
  }
}

// The group is stamped once per group file: the page lists the groups in
// registry order, so each group's losses must sit together.
BOOST_AUTO_TEST_CASE(each_group_is_one_run_of_entries) {
  std::vector<std::string> runs;
  for (const LossSpec& s : registry())
    if (runs.empty() || runs.back() != s.group) runs.emplace_back(s.group);
  BOOST_TEST(runs == std::vector<std::string>({"regression", "binary", "multiclass", "ranking", "probabilistic"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_interval_is_the_range_without_words) {
  BOOST_TEST(find_loss("multi_margin_loss")->find_option("p")->interval() == "[1, 2]");
  BOOST_TEST(find_loss("multi_margin_loss")->find_option("p")->range_text() == "a whole number in [1, 2]");
  BOOST_TEST(find_loss("huber_loss")->find_option("delta")->interval() == "(0, inf)");
  BOOST_TEST(find_loss("triplet_margin_loss")->find_option("swap")->range_text() == "true or false");
}

// What the page showed before these texts moved into the entries.
BOOST_AUTO_TEST_CASE(entries_carry_their_chinese_short_names_and_shapes) {
  BOOST_TEST(find_loss("smooth_l1_loss")->short_zh == "平滑 L1");
  BOOST_TEST(find_loss("mse_loss")->short_zh == "MSE");
  BOOST_TEST(find_loss("poisson")->short_zh == "泊松（Keras）");
  const LossSpec* ce = find_loss("cross_entropy");
  BOOST_TEST(ce->find_arg("target")->shape_en == "[N] class indices, or [N, C] probabilities / one-hot");
  BOOST_TEST(ce->find_arg("target")->shape_zh == "[N] 类别索引，或 [N, C] 概率 / one-hot");
  BOOST_TEST(find_loss("gaussian_nll_loss")->find_arg("var")->shape_zh == "与 input 相同，或最后一维为 1 或省略（每行一个）");
}

BOOST_AUTO_TEST_CASE(option_ranges_read_as_intervals) {
  const OptionSpec* delta = find_loss("huber_loss")->find_option("delta");
  BOOST_TEST_REQUIRE(delta != nullptr);
  BOOST_TEST(delta->range_text() == "(0, inf)");
  BOOST_TEST(!delta->accepts(0));
  BOOST_TEST(delta->accepts(1e-9));
  const OptionSpec* eps = find_loss("cross_entropy")->find_option("label_smoothing");
  BOOST_TEST(eps->range_text() == "[0, 1]");
  BOOST_TEST(!eps->accepts(1.5));
}

BOOST_AUTO_TEST_SUITE_END()
