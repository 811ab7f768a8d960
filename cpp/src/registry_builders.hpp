// Helpers for writing registry entries, and the per-group functions that
// add them. Internal to the core.
#pragma once

#include <string>
#include <vector>

#include "lossplay/registry.hpp"

namespace lossplay::detail {

inline std::vector<Reduction> all_reductions() { return {Reduction::None, Reduction::Mean, Reduction::Sum}; }

inline ArgSpec input_arg(std::string shape, std::string help_en, std::string help_zh) {
  return {"input", ArgRole::Prediction, true, std::move(shape), std::move(help_en), std::move(help_zh)};
}
inline ArgSpec target_arg(std::string shape, std::string help_en, std::string help_zh) {
  return {"target", ArgRole::Target, true, std::move(shape), std::move(help_en), std::move(help_zh)};
}
inline ArgSpec weight_arg(std::string name, std::string shape, std::string help_en, std::string help_zh) {
  return {std::move(name), ArgRole::Weight, false, std::move(shape), std::move(help_en), std::move(help_zh)};
}


inline OptionSpec margin_option(double default_value) {
  OptionSpec o;
  o.name = "margin";
  o.label = "m";
  o.default_value = default_value;
  o.help_en = "the margin the score must clear";
  o.help_zh = "分数需要超过的间隔";
  return o;
}

inline OptionSpec ignore_index_option() {
  OptionSpec o;
  o.name = "ignore_index";
  o.label = "ignore_index";
  o.type = OptionType::Integer;
  o.default_value = -100;
  o.help_en = "a target equal to this index adds nothing to the loss";
  o.help_zh = "等于此值的目标不计入损失";
  return o;
}

// Each group file appends its losses, in display order.
void add_regression_losses(std::vector<LossSpec>& registry);
void add_binary_losses(std::vector<LossSpec>& registry);
void add_multiclass_losses(std::vector<LossSpec>& registry);
void add_ranking_losses(std::vector<LossSpec>& registry);
void add_probabilistic_losses(std::vector<LossSpec>& registry);

}  // namespace lossplay::detail
