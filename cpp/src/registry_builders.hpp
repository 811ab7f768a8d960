// Helpers for writing registry entries, and the per-group functions that
// add them. Internal to the core.
//
// A group file (losses_<group>.cpp) writes each entry as a designated
// initializer of LossSpec and hands them all to add_group(), which stamps
// the group's name on each: the group is written once per file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lossplay/registry.hpp"

namespace lossplay::detail {

inline std::vector<Reduction> all_reductions() { return {Reduction::None, Reduction::Mean, Reduction::Sum}; }

// Appends `losses` in display order, each with its group set to `group`.
inline void add_group(std::vector<LossSpec>& registry, std::string_view group, std::vector<LossSpec> losses) {
  for (LossSpec& s : losses) {
    s.group = std::string(group);
    registry.push_back(std::move(s));
  }
}

// The required prediction "input", the required "target", an optional weight:
// each with its shape text and help in English and Chinese.
inline ArgSpec input_arg(std::string shape_en, std::string shape_zh, std::string help_en, std::string help_zh) {
  return {.name = "input",
          .role = ArgRole::Prediction,
          .shape_en = std::move(shape_en),
          .shape_zh = std::move(shape_zh),
          .help_en = std::move(help_en),
          .help_zh = std::move(help_zh)};
}
inline ArgSpec target_arg(std::string shape_en, std::string shape_zh, std::string help_en, std::string help_zh) {
  return {.name = "target",
          .role = ArgRole::Target,
          .shape_en = std::move(shape_en),
          .shape_zh = std::move(shape_zh),
          .help_en = std::move(help_en),
          .help_zh = std::move(help_zh)};
}
inline ArgSpec weight_arg(std::string name, std::string shape_en, std::string shape_zh, std::string help_en,
                          std::string help_zh) {
  return {.name = std::move(name),
          .role = ArgRole::Weight,
          .required = false,
          .shape_en = std::move(shape_en),
          .shape_zh = std::move(shape_zh),
          .help_en = std::move(help_en),
          .help_zh = std::move(help_zh)};
}


inline OptionSpec margin_option(double default_value) {
  return {.name = "margin",
          .label = "m",
          .default_value = default_value,
          .help_en = "the margin the score must clear",
          .help_zh = "分数需要超过的间隔"};
}

inline OptionSpec ignore_index_option() {
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
