// Helpers for writing registry entries, and the per-group functions that
// add them. Internal to the core.
//
// A group file (losses_<group>.cpp) writes each entry as a designated
// initializer of LossSpec in one constexpr array and hands it to
// add_group(), which stamps the group's name on each: the group is written
// once per file.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "lossplay/registry.hpp"

namespace lossplay::detail {

constexpr ReductionSet all_reductions() { return {Reduction::None, Reduction::Mean, Reduction::Sum}; }

// Appends a group's entries (a constexpr array) in display order, each with
// its group set to `group`.
template <std::size_t N>
void add_group(std::vector<LossSpec>& registry, Text group, const LossSpec (&losses)[N]) {
  for (const LossSpec& s : losses) {
    registry.push_back(s);
    registry.back().group = group;
  }
}

// The required prediction "input", the required "target", an optional weight:
// each with its shape text and help in English and Chinese.
constexpr ArgSpec input_arg(Text shape_en, Text shape_zh, Text help_en,
                            Text help_zh) {
  return {.name = "input",
          .role = ArgRole::Prediction,
          .shape_en = shape_en,
          .shape_zh = shape_zh,
          .help_en = help_en,
          .help_zh = help_zh};
}
constexpr ArgSpec target_arg(Text shape_en, Text shape_zh, Text help_en,
                             Text help_zh) {
  return {.name = "target",
          .role = ArgRole::Target,
          .shape_en = shape_en,
          .shape_zh = shape_zh,
          .help_en = help_en,
          .help_zh = help_zh};
}
constexpr ArgSpec weight_arg(Text name, Text shape_en, Text shape_zh,
                             Text help_en, Text help_zh) {
  return {.name = name,
          .role = ArgRole::Weight,
          .required = false,
          .shape_en = shape_en,
          .shape_zh = shape_zh,
          .help_en = help_en,
          .help_zh = help_zh};
}

constexpr OptionSpec margin_option(double default_value) {
  return {.name = "margin",
          .label = "m",
          .default_value = default_value,
          .help_en = "the margin the score must clear",
          .help_zh = "分数需要超过的间隔"};
}

constexpr OptionSpec ignore_index_option() {
  return {.name = "ignore_index",
          .label = "ignore_index",
          .type = OptionType::Integer,
          .default_value = -100,
          .help_en = "a target equal to this index adds nothing to the loss",
          .help_zh = "等于此值的目标不计入损失"};
}

// Each group file appends its losses, in display order.
void add_regression_losses(std::vector<LossSpec>& registry);
void add_binary_losses(std::vector<LossSpec>& registry);
void add_multiclass_losses(std::vector<LossSpec>& registry);
void add_ranking_losses(std::vector<LossSpec>& registry);
void add_probabilistic_losses(std::vector<LossSpec>& registry);

}  // namespace lossplay::detail
