// The page's wording of every error, by code: one template per language.
//
// errorStrings holds the codes the C++ core and its WebAssembly bindings
// raise (their table, with each code's params: cpp/src/error_codes.cpp);
// The JS facade's own checks have theirs in api.js.
// A failure is {kind, code, params, message}; its text in a language is
// the template of 'error.<code>' with params filled in.
//
// Placeholders: {name} stands for params[name]. The translator writes
//   - a string as it is (argument, loss and option names, tokens, and the
//     lists of names, already joined by ", ");
//   - a number as the page formats numbers (NaN and ±Infinity included);
//   - an array (a shape, or an element's index) as "[2, 3]", so that
//     "{arg}{index}" reads "input[1, 2]".
// Braces that are not a param name, as in "{data, shape}", stay as written.
// The English templates are the core's own: filled in, they reproduce the
// core's message word for word (a ctest checks both tables against the core).
// There are no nested templates: each code is one whole sentence.

export const errorStrings = {
  // Pasted text (kind 'parse'); every one also has {line}, {column}, {token}.
  'error.not_a_number': {
    en: 'line {line}, column {column}: expected a number, found "{token}"',
    zh: '第 {line} 行第 {column} 列：应为数字，但读到“{token}”',
  },
  'error.not_finite': {
    en: 'line {line}, column {column}: expected a finite number, found "{token}"',
    zh: '第 {line} 行第 {column} 列：应为有限的数，但读到“{token}”',
  },
  'error.out_of_range': {
    en: 'line {line}, column {column}: expected a number within the float64 range, found "{token}"',
    zh: '第 {line} 行第 {column} 列：数值超出了 float64 的范围，读到“{token}”',
  },
  'error.ragged_rows': {
    en: 'line {line} has a row of length {count} but line {first_line} has one of length {first_count}: every row of a matrix needs the same length',
    zh: '第 {line} 行有 {count} 个数，但第 {first_line} 行有 {first_count} 个：矩阵的每一行必须有同样多的数',
  },

  // Names, options and arguments (kind 'input').
  'error.unknown_loss': {
    en: "unknown loss '{loss}'; the losses are: {losses}",
    zh: "没有名为 '{loss}' 的损失函数；可用的有：{losses}",
  },
  'error.reduction_unavailable': {
    en: "reduction '{reduction}' is not available for {loss}; choose {reductions}",
    zh: "{loss} 不支持归约方式 '{reduction}'；可选：{reductions}",
  },
  'error.unknown_option': {
    en: "unknown option '{option}' for {loss}; its options are: {options}",
    zh: "{loss} 没有选项 '{option}'；它的选项有：{options}",
  },
  'error.loss_has_no_options': {
    en: "unknown option '{option}' for {loss}; its options are: none",
    zh: "{loss} 没有选项 '{option}'；它没有任何选项",
  },
  'error.option_out_of_range': {
    en: 'option {option} of {loss} must be {range}, got {value}',
    zh: '{loss} 的选项 {option} 必须在 {range} 内，得到的是 {value}',
  },
  'error.option_not_whole': {
    en: 'option {option} of {loss} must be a whole number in {range}, got {value}',
    zh: '{loss} 的选项 {option} 必须是 {range} 内的整数，得到的是 {value}',
  },
  'error.option_not_boolean': {
    en: 'option {option} of {loss} must be true or false, got {value}',
    zh: '{loss} 的选项 {option} 必须是 true 或 false，得到的是 {value}',
  },
  'error.unknown_argument': {
    en: "unknown argument '{arg}' for {loss}; its arguments are: {args}",
    zh: "{loss} 没有参数 '{arg}'；它的参数有：{args}",
  },
  'error.count_mismatch': {
    en: '{arg} has {count|# number|# numbers} but its shape {shape} needs {needed}',
    zh: '{arg} 有 {count} 个数，但它的形状 {shape} 需要 {needed} 个',
  },
  'error.needs_argument': { en: "{loss} needs the argument '{arg}'", zh: "{loss} 需要参数 '{arg}'" },
  'error.missing_argument': { en: "missing argument '{arg}'", zh: "缺少参数 '{arg}'" },
  'error.missing_option': { en: "missing option '{option}'", zh: "缺少选项 '{option}'" },
  'error.shape_too_large': {
    en: 'shape {shape} has more elements than memory can hold',
    zh: '形状 {shape} 的元素个数超出了内存能容纳的范围',
  },

  // Checks shared by the losses.
  'error.empty_argument': { en: '{arg} is empty: give at least one number', zh: '{arg} 为空：请至少给出一个数' },
  'error.shape_mismatch': {
    en: '{arg} has shape {shape} but {other} has shape {other_shape}: they must match element for element',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：两者必须逐元素一一对应',
  },

  // Values outside a loss's domain: {arg}{index} is the element, {value} its value.
  'error.msle_domain': {
    en: '{arg}{index} is {value}: MSLE takes log(1 + value), so every value must be greater than -1',
    zh: '{arg}{index} 为 {value}：MSLE 要计算 log(1 + 值)，所以每个值都必须大于 -1',
  },
  'error.bce_probability': {
    en: '{arg}{index} is {value}: binary cross-entropy takes probabilities in [0, 1] (use binary_cross_entropy_with_logits for raw scores)',
    zh: '{arg}{index} 为 {value}：二元交叉熵的输入是 [0, 1] 内的概率（原始分数请改用 binary_cross_entropy_with_logits）',
  },
  'error.focal_label': {
    en: '{arg}{index} is {value}: the focal loss takes labels in [0, 1]',
    zh: '{arg}{index} 为 {value}：焦点损失的标签必须在 [0, 1] 内',
  },
  'error.poisson_rate_domain': {
    en: '{arg}{index} is {value}: with log_input false the input is a rate and the loss takes log(input + eps), so each input must be greater than -eps ({limit})',
    zh: '{arg}{index} 为 {value}：log_input 为 false 时 input 是速率，损失要计算 log(input + eps)，所以每个输入都必须大于 -eps（{limit}）',
  },
  'error.keras_poisson_domain': {
    en: '{arg}{index} is {value}: the Poisson loss takes log(input + 1e-7), so each input must be greater than -1e-7',
    zh: '{arg}{index} 为 {value}：泊松损失要计算 log(input + 1e-7)，所以每个输入都必须大于 -1e-7',
  },
  'error.kl_target_domain': {
    en: '{arg}{index} is {value}: with log_target false the target holds probabilities, which must be numbers >= 0 (set log_target for log-probabilities)',
    zh: '{arg}{index} 为 {value}：log_target 为 false 时 target 是概率，必须是 >= 0 的数（若给的是对数概率，请打开 log_target）',
  },
  'error.negative_variance': {
    en: '{arg}{index} is {value}: a variance must be a number >= 0',
    zh: '{arg}{index} 为 {value}：方差必须是 >= 0 的数',
  },

  // Shapes the binary and multiclass losses need.
  'error.pos_weight_shape': {
    en: "{arg} has shape {shape} but must have the input's shape {other_shape} or one weight per class, [{classes}]",
    zh: '{arg} 的形状是 {shape}，但必须与 input 的形状 {other_shape} 相同，或者每个类别一个权重，即 [{classes}]',
  },
  'error.class_scores_scalar': {
    en: '{arg} is a single number; it needs one score per class: [C] or [N, C]',
    zh: '{arg} 只有一个数；它需要每个类别一个分数：[C] 或 [N, C]',
  },
  'error.class_scores_empty': {
    en: '{arg} is empty: give at least one row of class scores',
    zh: '{arg} 为空：请至少给出一行类别分数',
  },
  'error.class_weight_shape': {
    en: '{arg} has shape {shape} but needs one weight per class, [{classes}]',
    zh: '{arg} 的形状是 {shape}，但需要每个类别一个权重，即 [{classes}]',
  },
  'error.class_weight_or_input_shape': {
    en: "{arg} has shape {shape} but needs one weight per class, [{classes}], or the input's shape {other_shape}",
    zh: '{arg} 的形状是 {shape}，但需要每个类别一个权重，即 [{classes}]，或者与 input 的形状 {other_shape} 相同',
  },
  'error.class_index_not_whole': {
    en: '{arg}{index} is {value}: a class index must be a whole number',
    zh: '{arg}{index} 为 {value}：类别索引必须是整数',
  },
  'error.class_index_out_of_range': {
    en: '{arg}{index} is {value} but input has {classes} classes: a class index runs from 0 to {last}',
    zh: '{arg}{index} 为 {value}，但 input 只有 {classes} 个类别：类别索引的范围是 0 到 {last}',
  },
  'error.class_index_out_of_range_or_ignored': {
    en: '{arg}{index} is {value} but input has {classes} classes: a class index runs from 0 to {last} (or is ignore_index, {ignore_index})',
    zh: '{arg}{index} 为 {value}，但 input 只有 {classes} 个类别：类别索引的范围是 0 到 {last}（或等于 ignore_index，即 {ignore_index}）',
  },
  'error.class_target_shape': {
    en: '{arg} has shape {shape} but {other} has {other_shape}: give class indices of shape {index_shape} or class probabilities of shape {other_shape}',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：请给出形状为 {index_shape} 的类别索引，或形状为 {other_shape} 的类别概率',
  },
  'error.ignore_index_with_probabilities': {
    en: 'ignore_index is {value} but target holds class probabilities: ignore_index applies to class indices only (leave it at -100)',
    zh: 'ignore_index 为 {value}，但 target 给出的是类别概率：ignore_index 只适用于类别索引（请保持默认值 -100）',
  },
  'error.index_target_shape': {
    en: '{arg} has shape {shape} but {loss} needs one class index per sample, shape {index_shape}',
    zh: '{arg} 的形状是 {shape}，但 {loss} 需要每个样本一个类别索引，形状为 {index_shape}',
  },
  'error.margin_input_rank': {
    en: '{arg} has shape {shape}: {loss} takes class scores of shape [C] or [N, C]',
    zh: '{arg} 的形状是 {shape}：{loss} 只接受形状为 [C] 或 [N, C] 的类别分数',
  },
  'error.row_target_shape': {
    en: '{arg} has shape {shape} but {other} has {other_shape}: give one class index per row, shape {index_shape}',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：请每行给出一个类别索引，形状为 {index_shape}',
  },

  // Shapes the ranking and probabilistic losses need.
  'error.cosine_target_rank': {
    en: '{arg} has shape {shape}: give one label per row, [N], or a single label for unbatched [D] inputs',
    zh: '{arg} 的形状是 {shape}：请每行给出一个标签（形状 [N]），或对不分批的 [D] 输入只给一个标签',
  },
  'error.cosine_shapes': {
    en: '{arg} has shape {shape} but {other} has shape {other_shape}: pair [N, D] inputs with an [N] target, or [D] inputs with a scalar target',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：[N, D] 的输入要配 [N] 的 target，[D] 的输入要配标量 target',
  },
  'error.gaussian_target_shape': {
    en: "{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must have the {other}'s shape, or that shape with one dimension equal to 1",
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：{arg} 的形状必须与 {other} 相同，或者只在某一个维度上为 1',
  },
  'error.gaussian_var_shape': {
    en: '{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must be {other_shape} (one variance per element), {row_shape} or {rows_shape} (one variance per row)',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：{arg} 的形状必须是 {other_shape}（每个元素一个方差），或 {row_shape}、{rows_shape}（每行一个方差）',
  },
  'error.gaussian_var_scalar_shape': {
    en: '{arg} has shape {shape} but {other} has shape {other_shape}: {arg} must be [] or [1]',
    zh: '{arg} 的形状是 {shape}，而 {other} 的形状是 {other_shape}：{arg} 的形状必须是 [] 或 [1]',
  },

  // Finite input, non-finite result: float64 overflowed. {tensor}{at} is
  // the first such element, of "loss" or "<arg>.grad" (identifiers, as
  // {arg} is); {arg}{index} the input of largest magnitude, {largest};
  // {pytorch} the PyTorch function that overflows too.
  'error.overflow': {
    en: '{tensor}{at} of {loss} is {value} although every input and option is finite: the arithmetic overflowed float64 (the largest magnitude given is {arg}{index}, {largest}); use smaller numbers',
    zh: '虽然所有输入和选项都是有限数，{loss} 的 {tensor}{at} 却是 {value}：运算超出了 float64 的范围（输入中绝对值最大的是 {arg}{index}，为 {largest}）；请使用较小的数',
  },
  'error.overflow_like_pytorch': {
    en: "{tensor}{at} of {loss} is {value} although every input and option is finite: the arithmetic overflowed float64 (the largest magnitude given is {arg}{index}, {largest}), as it does in PyTorch's {pytorch}; use smaller numbers",
    zh: '虽然所有输入和选项都是有限数，{loss} 的 {tensor}{at} 却是 {value}：运算超出了 float64 的范围（输入中绝对值最大的是 {arg}{index}，为 {largest}），PyTorch 的 {pytorch} 同样如此；请使用较小的数',
  },

  // What the WebAssembly bindings refuse before the core sees it.
  'error.argument_not_tensor': {
    en: "argument '{arg}' must be {data, shape}",
    zh: "参数 '{arg}' 必须是 {data, shape} 形式的对象",
  },
  'error.bad_shape_sizes': {
    en: "the shape of '{arg}' must list whole, non-negative sizes",
    zh: "'{arg}' 的形状必须由非负整数组成",
  },
  'error.reduction_not_string': {
    en: 'reduction must be "none", "mean" or "sum"',
    zh: 'reduction 必须是 "none"、"mean" 或 "sum"',
  },
  'error.option_not_number': {
    en: 'option {option} must be a number or a boolean',
    zh: '选项 {option} 必须是数字或布尔值',
  },
  'error.tensor_freed': {
    en: '{arg} is a tensor handle that has been freed',
    zh: '{arg} 是一个已经释放的张量句柄',
  },
  'error.column_out_of_range': {
    en: 'there is no column {column} in a tensor of shape {shape}: column() takes a [rows, columns] tensor and a column from 0 to columns - 1',
    zh: '形状为 {shape} 的张量没有第 {column} 列：取列需要 [行, 列] 形状的张量，列号从 0 到 列数 - 1',
  },

  // The line fit (the fit view).
  'error.fit_not_finite': {
    en: '{arg}{index} is {value}: a fit needs finite numbers',
    zh: '{arg}{index} 为 {value}：拟合需要有限的数',
  },
  'error.fit_loss_unsupported': {
    en: '{loss} cannot fit w·x + b: it needs more than input and target',
    zh: '{loss} 不能拟合 w·x + b：它需要 input 和 target 以外的参数',
  },
  'error.fit_no_exact_method': {
    en: 'no exact solver for {loss}: use an optimiser',
    zh: '{loss} 没有精确求解方法：请改用优化器',
  },
  'error.fit_label_unit': {
    en: '{arg}{index} is {value}: {loss} fits labels in [0, 1]',
    zh: '{arg}{index} 为 {value}：{loss} 拟合的标签应在 [0, 1] 内',
  },
  'error.fit_label_signed': {
    en: '{arg}{index} is {value}: {loss} fits labels -1 and +1',
    zh: '{arg}{index} 为 {value}：{loss} 拟合的标签应为 -1 或 +1',
  },
  'error.fit_setting_out_of_range': {
    en: "the fit's {option} must be in {range}, got {value}",
    zh: '拟合设置 {option} 必须在 {range} 内，实际为 {value}',
  },

  // kind 'internal': a bug; {detail} is the exception's own (English) text,
  // {shapes} the arguments with their shapes ("input [2, 3], target [2]").
  'error.internal': {
    en: 'internal error in lossplay (a bug, not a fault of the input: please report it) computing {loss} with {shapes}: {detail}',
    zh: 'lossplay 内部错误（这是程序缺陷，不是输入的问题，请报告）：计算 {loss} 时，参数为 {shapes}：{detail}',
  },
  'error.internal_parse': {
    en: 'internal error in lossplay (a bug, not a fault of the input: please report it) reading the numbers: {detail}',
    zh: 'lossplay 内部错误（这是程序缺陷，不是输入的问题，请报告）：读取数字时出错：{detail}',
  },
};

// Codes the JS raises around the core (not in the core's table; the check
// tests/cpp/error-strings-check.mjs keeps them apart from its codes).
export const facadeErrorStrings = {
  // web/src/fit/load-fit.js: the fit core's module could not be fetched or compiled.
  'error.fit_core_load_failed': {
    en: 'lossplay could not load its WebAssembly fit core ({file}): {reason}',
    zh: 'lossplay 无法加载用于拟合的 WebAssembly 核心（{file}）：{reason}',
  },
};
