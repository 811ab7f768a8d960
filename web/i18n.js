/* The page's language layer: Simplified Chinese and English.
 *
 *   const i18n = self.LossPlayUI.i18n;
 *   i18n.setLang(i18n.detect(location, navigator)); // done once on load
 *   i18n.t('results.empty');                    // the current language's text
 *   i18n.t('info.read', { what: '3 numbers' }); // {name} placeholders
 *   i18n.pick(loss, 'title');                   // loss.titleZh or loss.titleEn
 *   i18n.translateError(e);                     // a LossPlayError, in the current language
 *
 * Other modules add their own {key: {en, zh}} tables with register(). Numbers
 * are never localised: they stay ASCII digits so they can be copied back. */
(function (ui) {
  'use strict';

  // ---- the string table ----

  const STRINGS = {
    // index.html (see applyTo for the data-i18n attributes)
    'page.title': { en: 'lossplay · loss-function playground', zh: 'lossplay · 损失函数演练场' },
    'page.description': {
      en: "Try MSE, MAE, Huber, cross-entropy, hinge and other loss functions on your own numbers, with PyTorch's values and gradients.",
      zh: '用你自己的数据试算 MSE、MAE、Huber、交叉熵、铰链损失等损失函数，得到与 PyTorch 一致的损失值和梯度。',
    },
    'page.tagline': {
      en: 'Loss functions on your own numbers: values and gradients exactly as PyTorch computes them in float64.',
      zh: '用你自己的数据计算损失函数：损失值和梯度与 PyTorch 在 float64 下算出的完全一致。',
    },
    'page.language': { en: 'Language', zh: '语言' },
    'page.theme': { en: 'Theme', zh: '主题' },
    'theme.auto': { en: 'Auto', zh: '跟随系统' },
    'theme.light': { en: 'Light', zh: '浅色' },
    'theme.dark': { en: 'Dark', zh: '深色' },
    'data.heading': { en: 'Data', zh: '数据' },
    'data.presets': { en: 'Examples from the study note', zh: '学习笔记中的示例' },
    'data.predictions': { en: 'Predictions (ŷ)', zh: '预测值 ŷ' },
    'data.targets': { en: 'Targets (y)', zh: '真实值 y' },
    'data.hint': {
      en: 'Separate numbers with spaces, commas, semicolons, tabs or new lines; full-width ，；、 work too. Several numbers on several lines make a matrix: one row of class scores per sample for cross-entropy.',
      zh: '数字之间可用空格、逗号、分号、制表符或换行分隔，全角的 ，；、 也可以。多行且每行有多个数字时构成矩阵：用于交叉熵时，每个样本占一行类别分数。',
    },
    'losses.heading': { en: 'Losses', zh: '损失函数' },
    'losses.reduction': { en: 'Reduction', zh: '归约方式（reduction）' },
    'reduction.mean': { en: 'mean', zh: 'mean（求均值）' },
    'reduction.sum': { en: 'sum', zh: 'sum（求和）' },
    'reduction.none': { en: 'none (per element)', zh: 'none（逐元素，不归约）' },
    'reduction.batchmean': { en: 'batchmean (KL divergence)', zh: 'batchmean（按批求均值，用于 KL 散度）' },
    'results.heading': { en: 'Results', zh: '结果' },
    'results.col.loss': { en: 'Loss', zh: '损失函数' },
    'results.col.value': { en: 'Value', zh: '损失值' },
    'results.col.outlier': { en: 'With the outlier', zh: '加入离群点后' },
    'results.col.reduction': { en: 'Reduction', zh: '归约方式' },
    'results.empty': { en: 'Paste predictions and targets, or pick an example.', zh: '粘贴预测值和真实值，或选择一个示例。' },
    'chart.heading': { en: 'Charts', zh: '图表' },
    'formulas.heading': { en: 'Formulas and gradients', zh: '公式与梯度' },
    'footer.text': {
      en: 'Computed in your browser by a C++ core compiled to WebAssembly. Nothing you paste leaves this page.',
      zh: '由编译成 WebAssembly 的 C++ 内核在你的浏览器中计算。你粘贴的内容不会离开本页面。',
    },
    'noscript.text': {
      en: 'lossplay needs JavaScript and WebAssembly to compute losses.',
      zh: 'lossplay 需要 JavaScript 和 WebAssembly 才能计算损失。',
    },

    // app.js: the controls built from the registry
    'group.regression': { en: 'Regression', zh: '回归' },
    'group.binary': { en: 'Binary classification', zh: '二分类' },
    'group.multiclass': { en: 'Multiclass classification', zh: '多分类' },
    'group.ranking': { en: 'Ranking and embedding', zh: '排序与嵌入' },
    'group.probabilistic': { en: 'Probabilistic', zh: '概率模型' },
    'group.count': { en: ' ({count})', zh: '（{count}）' },
    // Both titles, the page's language first.
    'loss.bothTitles': { en: '{en} · {zh}', zh: '{zh} · {en}' },
    'option.label': { en: '{loss} {label}', zh: '{loss} {label}' },
    'option.name': { en: ' ({name})', zh: '（{name}）' },
    'option.help': { en: '{help}; {range}', zh: '{help}；取值范围：{range}' },
    'arg.label': { en: '{loss}: {arg}', zh: '{loss}：{arg}' },
    'arg.required': { en: ' (required)', zh: '（必填）' },
    'arg.optional': { en: ' (optional)', zh: '（可选）' },
    'arg.info': { en: '{help}; shape {shape}', zh: '{help}；形状：{shape}' },
    'info.read': { en: 'Read {what}.', zh: '已读取 {what}。' },
    'field.predictions': { en: 'Predictions', zh: '预测值' },
    'field.targets': { en: 'Targets', zh: '真实值' },
    // "<what went wrong>: <message>." for every line of the alert box.
    'error.labelled': { en: '{label}: {message}.', zh: '{label}：{message}。' },
    'error.optionNumber': { en: '{loss} {label}: enter a number ({range}).', zh: '{loss} {label}：请输入一个数（{range}）。' },
    'error.missingArg': {
      en: '{loss} needs {arg} ({help}): paste it in the box "{box}".',
      zh: '{loss} 需要 {arg}（{help}）：请粘贴到“{box}”输入框中。',
    },
    'error.showMe': { en: 'Show me', zh: '定位到出错处' },
    'error.startFailed': { en: 'lossplay could not start: {message}', zh: 'lossplay 无法启动：{message}' },
    'results.selectLoss': { en: 'Select at least one loss.', zh: '请至少选择一个损失函数。' },
    'results.notComputed': { en: 'not computed: see the message above', zh: '未计算：请看上方的提示' },
    'results.spokenNotComputed': { en: '{loss} not computed', zh: '{loss} 未计算' },
    'results.spokenValue': { en: '{loss} {value}', zh: '{loss}：{value}' },
    'results.reductionOnly': { en: ' ({loss} is defined with {reduction} only)', zh: '（{loss} 只有 {reduction} 一种归约方式）' },
    'results.reductionUnavailable': { en: ' ({wanted} is not available for {loss})', zh: '（{loss} 不支持 {wanted}）' },
    'results.allIgnored': {
      en: 'undefined: nothing to average (every target is ignored)',
      zh: '无定义：没有可以求平均的样本（所有目标都被忽略了）',
    },
    'results.moreValues': { en: ', … ({count} values)', zh: ', …（共 {count} 个值）' },
    'results.noValue': { en: '—', zh: '—' },
    'list.separator': { en: ', ', zh: '，' },
    'formulas.empty': { en: 'Select a loss to see its formula.', zh: '选择一个损失函数即可查看它的公式。' },
    'formulas.pytorch': { en: 'PyTorch: ', zh: 'PyTorch：' },
    'formulas.notInTorch': {
      en: 'Not in torch.nn.functional: lossplay defines it as above.',
      zh: 'torch.nn.functional 中没有这个函数：lossplay 按上面的公式定义它。',
    },
    'formulas.inputs': { en: 'Inputs', zh: '输入' },
    'formulas.gradient': { en: 'Gradient', zh: '梯度' },
    'formulas.ownBox': { en: 'its own box', zh: '单独的输入框' },
    'formulas.argFrom': { en: ' from {from}: {shape}', zh: '：来自{from}；{shape}' },
    'gradient.label': { en: '∂L/∂{arg} ({reduction})', zh: '∂L/∂{arg}（{reduction}）' },
    'gradient.more': { en: ', … {count} more', zh: ', … 还有 {count} 个' },
    'gradient.undefinedNote': {
      en: 'undefined means the loss has no derivative at these numbers.',
      zh: '“无定义”表示损失在这些数值处不可导。',
    },

    // chart.js
    'chart.empty': {
      en: 'Select a loss that gives a value per sample to see this chart.',
      zh: '选择一个能给出逐样本损失值的损失函数，即可看到此图。',
    },
    'chart.sample': { en: 'sample', zh: '样本' },
    'chart.axisLoss': { en: 'loss per sample', zh: '样本损失' },
    'chart.largest': { en: '{loss}: largest at sample {index} ({value})', zh: '{loss}：在样本 {index} 处最大（{value}）' },
    'chart.partsSeparator': { en: '; ', zh: '；' },
    'chart.caption': { en: 'Per-sample loss for {count} samples. {parts}.{note}', zh: '{count} 个样本的逐样本损失。{parts}。{note}' },
    'chart.truncated': { en: ' Showing the first {shown} of {count} samples.', zh: '只显示了 {count} 个样本中的前 {shown} 个。' },

    // format.js
    'value.undefined': { en: 'undefined', zh: '无定义' },
    'shape.one': { en: '1 number', zh: '1 个数' },
    'shape.many': { en: '{count} numbers', zh: '{count} 个数' },
    'shape.matrix': { en: '{dims} matrix', zh: '{dims} 矩阵' },

    // A language switch, in the language it switches to.
    'lang.switchTo': { en: '中文', zh: 'English' },
    'lang.switchLabel': { en: 'Switch to Chinese', zh: '切换到英文' },

    // Short names in Chinese (the registry has English ones only); the
    // English side repeats the registry's shortName.
    'loss.short.mse_loss': { en: 'MSE', zh: 'MSE' },
    'loss.short.rmse': { en: 'RMSE', zh: 'RMSE' },
    'loss.short.l1_loss': { en: 'MAE', zh: 'MAE' },
    'loss.short.huber_loss': { en: 'Huber', zh: 'Huber' },
    'loss.short.smooth_l1_loss': { en: 'Smooth L1', zh: '平滑 L1' },
    'loss.short.msle': { en: 'MSLE', zh: 'MSLE' },
    'loss.short.mape': { en: 'MAPE', zh: 'MAPE' },
    'loss.short.log_cosh': { en: 'Log-cosh', zh: '对数双曲余弦' },
    'loss.short.quantile': { en: 'Quantile', zh: '分位数' },
    'loss.short.binary_cross_entropy': { en: 'BCE', zh: 'BCE' },
    'loss.short.binary_cross_entropy_with_logits': { en: 'BCE with logits', zh: 'BCE（logits）' },
    'loss.short.sigmoid_focal_loss': { en: 'Sigmoid focal', zh: '焦点损失' },
    'loss.short.hinge': { en: 'Hinge', zh: '铰链' },
    'loss.short.squared_hinge': { en: 'Squared hinge', zh: '平方铰链' },
    'loss.short.soft_margin_loss': { en: 'Soft margin', zh: '软间隔' },
    'loss.short.hinge_embedding_loss': { en: 'Hinge embedding', zh: '铰链嵌入' },
    'loss.short.cross_entropy': { en: 'Cross-entropy', zh: '交叉熵' },
    'loss.short.nll_loss': { en: 'NLL', zh: 'NLL' },
    'loss.short.multi_margin_loss': { en: 'Multi-margin', zh: '多分类间隔' },
    'loss.short.multilabel_soft_margin_loss': { en: 'Multilabel soft margin', zh: '多标签软间隔' },
    'loss.short.categorical_hinge': { en: 'Categorical hinge', zh: '分类铰链' },
    'loss.short.margin_ranking_loss': { en: 'Margin ranking', zh: '排序间隔' },
    'loss.short.cosine_embedding_loss': { en: 'Cosine embedding', zh: '余弦嵌入' },
    'loss.short.triplet_margin_loss': { en: 'Triplet margin', zh: '三元组间隔' },
    'loss.short.poisson_nll_loss': { en: 'Poisson NLL', zh: '泊松 NLL' },
    'loss.short.gaussian_nll_loss': { en: 'Gaussian NLL', zh: '高斯 NLL' },
    'loss.short.kl_div': { en: 'KL divergence', zh: 'KL 散度' },
    'loss.short.poisson': { en: 'Poisson (Keras)', zh: '泊松（Keras）' },

    // The core's messages. The English side is the core's own template, so
    // that rendering it reproduces the message word for word (tested).
    'err.parse.not_a_number': {
      en: 'line {line}, column {column}: expected a number, found "{token}"',
      zh: '第 {line} 行第 {column} 列：应为数字，但读到“{token}”',
    },
    'err.parse.not_finite': {
      en: 'line {line}, column {column}: expected a finite number, found "{token}"',
      zh: '第 {line} 行第 {column} 列：应为有限的数，但读到“{token}”',
    },
    'err.parse.out_of_range': {
      en: 'line {line}, column {column}: expected a number within the float64 range, found "{token}"',
      zh: '第 {line} 行第 {column} 列：数值超出了 float64 的范围，读到“{token}”',
    },
    'err.parse.ragged_rows': {
      en: 'line {line} has {count} {numbers} but line {firstLine} has {firstCount}: every row of a matrix needs the same count',
      zh: '第 {line} 行有 {count} 个数，但第 {firstLine} 行有 {firstCount} 个：矩阵的每一行必须有同样多的数',
    },
    'err.parse.ragged_rows_short': {
      en: 'line {line} has a different count of numbers: every row of a matrix needs the same count',
      zh: '第 {line} 行的数字个数与其他行不同：矩阵的每一行必须有同样多的数',
    },
    'err.parse.empty': { en: 'no numbers found', zh: '没有读到任何数字' },
    'err.parse.other': { en: 'line {line}, column {column}: cannot read "{token}"', zh: '第 {line} 行第 {column} 列：无法读取“{token}”' },
    'err.missingArgument': { en: "missing argument '{name}'", zh: "缺少参数 '{name}'" },
    'err.missingOption': { en: "missing option '{name}'", zh: "缺少选项 '{name}'" },
    'err.unknownLoss': {
      en: "unknown loss '{name}'; the losses are: {list}",
      zh: "没有名为 '{name}' 的损失函数；可用的有：{list}",
    },
    'err.reductionUnavailable': {
      en: "reduction '{reduction}' is not available for {loss}; choose {list}",
      zh: "{loss} 不支持归约方式 '{reduction}'；可选：{list}",
    },
    'err.unknownOptionNone': {
      en: "unknown option '{name}' for {loss}; its options are: none",
      zh: "{loss} 没有选项 '{name}'；它没有任何选项",
    },
    'err.unknownOption': {
      en: "unknown option '{name}' for {loss}; its options are: {list}",
      zh: "{loss} 没有选项 '{name}'；它的选项有：{list}",
    },
    // {range} in Chinese comes from rangeRequirement(): "在 (0, inf) 内", ...
    'err.optionRange': {
      en: 'option {name} of {loss} must be {range}, got {value}',
      zh: '{loss} 的选项 {name} 必须{range}，得到的是 {value}',
    },
    'err.unknownArgument': {
      en: "unknown argument '{name}' for {loss}; its arguments are: {list}",
      zh: "{loss} 没有参数 '{name}'；它的参数有：{list}",
    },
    'err.countMismatch': {
      en: '{name} has {count} numbers but its shape {shape} needs {needed}',
      zh: '{name} 有 {count} 个数，但它的形状 {shape} 需要 {needed} 个',
    },
    'err.needsArgument': { en: "{loss} needs the argument '{name}'", zh: "{loss} 需要参数 '{name}'" },
    'err.singleNumber': {
      en: '{name} is a single number; it needs one score per class: [C] or [N, C]',
      zh: '{name} 只有一个数；它需要每个类别一个分数：[C] 或 [N, C]',
    },
    'err.emptyRows': {
      en: '{name} is empty: give at least one row of class scores',
      zh: '{name} 为空：请至少给出一行类别分数',
    },
    'err.empty': { en: '{name} is empty: give at least one number', zh: '{name} 为空：请至少给出一个数' },
    'err.classWeight': {
      en: '{name} has shape {shape} but needs one weight per class, [{classes}]',
      zh: '{name} 的形状是 {shape}，但需要每个类别一个权重，即 [{classes}]',
    },
    'err.classWeightOrInput': {
      en: "{name} has shape {shape} but needs one weight per class, [{classes}], or the input's shape {inputShape}",
      zh: '{name} 的形状是 {shape}，但需要每个类别一个权重，即 [{classes}]，或者与 input 的形状 {inputShape} 相同',
    },
    'err.classTarget': {
      en: '{name} has shape {shape} but input has {inputShape}: give class indices of shape {indexShape} or class probabilities of shape {probShape}',
      zh: '{name} 的形状是 {shape}，而 input 的形状是 {inputShape}：请给出形状为 {indexShape} 的类别索引，或形状为 {probShape} 的类别概率',
    },
    'err.rowTarget': {
      en: '{name} has shape {shape} but input has {inputShape}: give one class index per row, shape {rowShape}',
      zh: '{name} 的形状是 {shape}，而 input 的形状是 {inputShape}：请每行给出一个类别索引，形状为 {rowShape}',
    },
    'err.ignoreIndexProbabilities': {
      en: 'ignore_index is {value} but target holds class probabilities: ignore_index applies to class indices only (leave it at -100)',
      zh: 'ignore_index 为 {value}，但 target 给出的是类别概率：ignore_index 只适用于类别索引（请保持默认值 -100）',
    },
    'err.indexTarget': {
      en: '{name} has shape {shape} but {loss} needs one class index per sample, shape {sampleShape}',
      zh: '{name} 的形状是 {shape}，但 {loss} 需要每个样本一个类别索引，形状为 {sampleShape}',
    },
    'err.marginInput': {
      en: '{name} has shape {shape}: {loss} takes class scores of shape [C] or [N, C]',
      zh: '{name} 的形状是 {shape}：{loss} 只接受形状为 [C] 或 [N, C] 的类别分数',
    },
    'err.shapeTooLarge': {
      en: 'shape {shape} has more elements than memory can hold',
      zh: '形状 {shape} 的元素个数超出了内存能容纳的范围',
    },
    'err.labelTarget': {
      en: '{name} has shape {shape}: give one label per row, [N], or a single label for unbatched [D] inputs',
      zh: '{name} 的形状是 {shape}：请每行给出一个标签（形状 [N]），或对不分批的 [D] 输入只给一个标签',
    },
    // "<a> has shape S but <b> has shape T: <why>"; {why} is one of 'why.*'.
    'err.shapePair': {
      en: '{name} has shape {shape} but {other} has shape {otherShape}: {why}',
      zh: '{name} 的形状是 {shape}，而 {other} 的形状是 {otherShape}：{why}',
    },
    'why.elementwise': { en: 'they must match element for element', zh: '两者必须逐元素一一对应' },
    'why.gaussianTarget': {
      en: "target must have the input's shape, or that shape with one dimension equal to 1",
      zh: 'target 的形状必须与 input 相同，或者只在某一个维度上为 1',
    },
    'why.varScalar': { en: 'var must be [] or [1]', zh: 'var 的形状必须是 [] 或 [1]' },
    'why.varShapes': {
      en: 'var must be {shape} (one variance per element), {rowShape} or {rows} (one variance per row)',
      zh: 'var 的形状必须是 {shape}（每个元素一个方差），或 {rowShape}、{rows}（每行一个方差）',
    },
    'why.cosinePair': {
      en: 'pair [N, D] inputs with an [N] target, or [D] inputs with a scalar target',
      zh: '[N, D] 的输入要配 [N] 的 target，[D] 的输入要配标量 target',
    },
    'err.posWeight': {
      en: "{name} has shape {shape} but must have the input's shape {inputShape} or one weight per class, [{classes}]",
      zh: '{name} 的形状是 {shape}，但必须与 input 的形状 {inputShape} 相同，或者每个类别一个权重，即 [{classes}]',
    },
    // "<position> is <number>: <why>", the explanation differing per loss.
    'err.valueAt': { en: '{position} is {value}: {why}', zh: '{position} 为 {value}：{why}' },
    'why.msle': {
      en: 'MSLE takes log(1 + value), so every value must be greater than -1',
      zh: 'MSLE 要计算 log(1 + 值)，所以每个值都必须大于 -1',
    },
    'why.bceProbabilities': {
      en: 'binary cross-entropy takes probabilities in [0, 1] (use binary_cross_entropy_with_logits for raw scores)',
      zh: '二元交叉熵的输入是 [0, 1] 内的概率（原始分数请改用 binary_cross_entropy_with_logits）',
    },
    'why.focalLabels': { en: 'the focal loss takes labels in [0, 1]', zh: '焦点损失的标签必须在 [0, 1] 内' },
    'why.poissonRate': {
      en: 'with log_input false the input is a rate and the loss takes log(input + eps), so each input must be greater than -eps ({limit})',
      zh: 'log_input 为 false 时 input 是速率，损失要计算 log(input + eps)，所以每个输入都必须大于 -eps（{limit}）',
    },
    'why.kerasPoisson': {
      en: 'the Poisson loss takes log(input + 1e-7), so each input must be greater than -1e-7',
      zh: '泊松损失要计算 log(input + 1e-7)，所以每个输入都必须大于 -1e-7',
    },
    'why.klTarget': {
      en: 'with log_target false the target holds probabilities, which must be numbers >= 0 (set log_target for log-probabilities)',
      zh: 'log_target 为 false 时 target 是概率，必须是 >= 0 的数（若给的是对数概率，请打开 log_target）',
    },
    'why.variance': { en: 'a variance must be a number >= 0', zh: '方差必须是 >= 0 的数' },
    'why.wholeIndex': { en: 'a class index must be a whole number', zh: '类别索引必须是整数' },
    'err.classRange': {
      en: '{position} is {value} but input has {classes} classes: a class index runs from 0 to {last}',
      zh: '{position} 为 {value}，但 input 只有 {classes} 个类别：类别索引的范围是 0 到 {last}',
    },
    'err.classRangeIgnore': {
      en: '{position} is {value} but input has {classes} classes: a class index runs from 0 to {last} (or is ignore_index, {ignore})',
      zh: '{position} 为 {value}，但 input 只有 {classes} 个类别：类别索引的范围是 0 到 {last}（或等于 ignore_index，即 {ignore}）',
    },
    // The WebAssembly bindings' and the JS facade's own checks.
    'err.argumentObject': { en: "argument '{name}' must be {data, shape}", zh: "参数 '{name}' 必须是 {data, shape} 形式的对象" },
    'err.shapeSizes': {
      en: "the shape of '{name}' must list whole, non-negative sizes",
      zh: "'{name}' 的形状必须由非负整数组成",
    },
    'err.reductionString': {
      en: 'reduction must be "none", "mean" or "sum"',
      zh: 'reduction 必须是 "none"、"mean" 或 "sum"',
    },
    'err.optionType': { en: 'option {name} must be a number or a boolean', zh: '选项 {name} 必须是数字或布尔值' },
    'err.argumentNumbers': {
      en: "argument '{name}' must hold numbers: use a Float64Array or a plain array",
      zh: "参数 '{name}' 必须由数字组成：请使用 Float64Array 或普通数组",
    },
    'err.argumentArray': {
      en: "argument '{name}' must be an array or {data, shape}",
      zh: "参数 '{name}' 必须是数组或 {data, shape} 形式的对象",
    },
    'err.argumentElement': {
      en: "argument '{name}' element {index} is {value}, not a number",
      zh: "参数 '{name}' 中下标为 {index} 的元素是 {value}，不是数字",
    },
    'err.shapeArray': {
      en: "the shape of '{name}' must be an array of sizes",
      zh: "'{name}' 的形状必须是由各维大小组成的数组",
    },
    'err.computeArgs': {
      en: 'compute needs its arguments as an object: {input, target, ...}',
      zh: 'compute 需要以对象形式传入参数：{input, target, ...}',
    },
    'err.optionsObject': { en: 'options must be an object: {reduction, ...}', zh: 'options 必须是对象：{reduction, ...}' },
    'err.coreNotLoaded': {
      en: 'lossplay-core.js is not loaded: include it before lossplay.js',
      zh: 'lossplay-core.js 没有加载：请在 lossplay.js 之前引入它',
    },
  };

  // The registry's argument shapes are English only: their Chinese, by the
  // exact English text. An unknown one stays English (tested: all are here).
  const ARG_SHAPES = {
    'any shape': '任意形状',
    'any shape, each value > -1': '任意形状，每个值 > -1',
    'any shape, each value > -1e-7': '任意形状，每个值 > -1e-7',
    'any shape, probabilities in [0, 1]': '任意形状，概率值在 [0, 1] 内',
    'any shape: raw scores (logits)': '任意形状：原始分数（logits）',
    'any shape: scores': '任意形状：分数',
    'any shape: distances': '任意形状：距离',
    'any shape: log-probabilities': '任意形状：对数概率',
    'same as input': '与 input 相同',
    'same as input, each value > -1': '与 input 相同，每个值 > -1',
    'same as input, or [C]': '与 input 相同，或 [C]',
    'same as input, labels in [0, 1]': '与 input 相同，标签在 [0, 1] 内',
    'same as input, labels in {0, 1}': '与 input 相同，标签取 0 或 1',
    'same as input, labels in {-1, +1}': '与 input 相同，标签取 -1 或 +1',
    'same as input, one-hot rows': '与 input 相同，每行为 one-hot',
    'same as input (one dimension may be 1)': '与 input 相同（可以有一个维度为 1）',
    'same as input, or with the last dimension 1 or left out (one per row)': '与 input 相同，或最后一维为 1 或省略（每行一个）',
    'same as input1': '与 input1 相同',
    'same as input1, labels in {-1, +1}': '与 input1 相同，标签取 -1 或 +1',
    'same as anchor': '与 anchor 相同',
    '[C]': '[C]',
    '[C] or same as input': '[C]，或与 input 相同',
    '[N] class indices': '[N]，类别索引',
    '[N] class indices, or [N, C] probabilities / one-hot': '[N] 类别索引，或 [N, C] 概率 / one-hot',
    '[N, C], [N, C, d1, ...] or [C]: raw scores (logits)': '[N, C]、[N, C, d1, ...] 或 [C]：原始分数（logits）',
    '[N, C], [N, C, d1, ...] or [C]: log-probabilities': '[N, C]、[N, C, d1, ...] 或 [C]：对数概率',
    '[N, C] or [C]: scores': '[N, C] 或 [C]：分数',
    '[N, C] or [C]: raw scores (logits)': '[N, C] 或 [C]：原始分数（logits）',
    '[N, D] or [D]: embeddings': '[N, D] 或 [D]：嵌入向量',
    '[N] (or a scalar), labels in {-1, +1}': '[N]（或标量），标签取 -1 或 +1',
  };

  // ---- state ----

  const table = Object.create(null);
  const listeners = [];
  let current = 'en';

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

  // 'zh', 'zh-CN', 'zh_Hant' -> 'zh'; 'en', 'en-GB' -> 'en'; anything else -> null.
  function normalize(lang) {
    const s = String(lang == null ? '' : lang).trim().toLowerCase();
    if (/^zh(?:$|[-_])/.test(s)) return 'zh';
    if (/^en(?:$|[-_])/.test(s)) return 'en';
    return null;
  }

  const langOr = (lang) => normalize(lang) || current;

  function register(entries) {
    if (!entries || typeof entries !== 'object') return i18n;
    for (const key of Object.keys(entries)) {
      const e = entries[key];
      if (!e || typeof e !== 'object') continue;
      const merged = Object.assign({}, table[key]);
      if (typeof e.en === 'string') merged.en = e.en;
      if (typeof e.zh === 'string') merged.zh = e.zh;
      table[key] = merged;
    }
    return i18n;
  }

  // One pass over the template, so a value holding "{x}" is never expanded.
  function fill(template, params) {
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name) => (hasOwn(params, name) && params[name] != null ? String(params[name]) : m));
  }

  function t(key, params, lang) {
    const entry = table[key];
    if (!entry) return String(key);
    const l = langOr(lang);
    const text = typeof entry[l] === 'string' ? entry[l] : typeof entry.en === 'string' ? entry.en : String(key);
    return fill(text, params);
  }

  // entry.titleZh / entry.titleEn (or plain entry.title, as presets' label).
  function pick(entry, field, lang) {
    if (!entry) return '';
    const en = entry[`${field}En`] != null ? entry[`${field}En`] : entry[field];
    const zh = entry[`${field}Zh`];
    const value = langOr(lang) === 'zh' ? (zh != null ? zh : en) : en != null ? en : zh;
    return value == null ? '' : String(value);
  }

  // The loss's short name; the Chinese one when the table has it.
  function shortName(loss, lang) {
    if (!loss) return '';
    const key = `loss.short.${loss.name}`;
    if (langOr(lang) === 'zh' && table[key] && table[key].zh) return table[key].zh;
    return String(loss.shortName != null ? loss.shortName : loss.name);
  }

  function shapeText(text, lang) {
    const s = String(text == null ? '' : text);
    return langOr(lang) === 'zh' && hasOwn(ARG_SHAPES, s) ? ARG_SHAPES[s] : s;
  }

  // An option's range as the registry writes it, for display.
  function rangeText(range, lang) {
    const s = String(range == null ? '' : range);
    if (langOr(lang) !== 'zh') return s;
    let m;
    if ((m = /^a whole number in (.+)$/.exec(s))) return `${m[1]} 内的整数`;
    if (s === 'true or false') return 'true 或 false';
    return s;
  }

  // The range as the rest of "must ...": "在 (0, inf) 内". null if unknown.
  function rangeRequirement(range) {
    let m;
    if ((m = /^a whole number in ([[(].*[\])])$/.exec(range))) return `是 ${m[1]} 内的整数`;
    if (range === 'true or false') return '是 true 或 false';
    if (/^[[(][^,]*, [^,]*[\])]$/.test(range)) return `在 ${range} 内`;
    return null;
  }

  function describeShape(shape, lang) {
    if (!shape || shape.length === 0) return t('shape.one', null, lang);
    if (shape.length === 1) return shape[0] === 1 ? t('shape.one', null, lang) : t('shape.many', { count: shape[0] }, lang);
    return t('shape.matrix', { dims: shape.join(' × ') }, lang);
  }

  // ---- the core's messages ----

  // Pieces of the patterns. A shape is "[2, 3]"; a position "input[1, 2]".
  const SHAPE = '(\\[[^\\]]*\\])';
  const NAME = '([A-Za-z_][\\w]*)';
  const POS = '([A-Za-z_]\\w*\\[[\\d, ]*\\])';
  const TOKEN = '(\\S+)';

  // Each rule: a whole-message pattern, the key of its template and the
  // names of its groups. `why` marks a group that is itself a sentence,
  // translated through WHY_RULES; `zh` transforms groups for Chinese.
  function rule(pattern, key, names, extra) {
    return Object.assign({ re: new RegExp(`^${pattern}$`, 's'), key, names }, extra);
  }

  const WHY_RULES = [
    rule('they must match element for element', 'why.elementwise', []),
    rule("target must have the input's shape, or that shape with one dimension equal to 1", 'why.gaussianTarget', []),
    rule('var must be \\[\\] or \\[1\\]', 'why.varScalar', []),
    rule(`var must be ${SHAPE} \\(one variance per element\\), ${SHAPE} or ${SHAPE} \\(one variance per row\\)`, 'why.varShapes', ['shape', 'rowShape', 'rows']),
    rule('pair \\[N, D\\] inputs with an \\[N\\] target, or \\[D\\] inputs with a scalar target', 'why.cosinePair', []),
    rule('MSLE takes log\\(1 \\+ value\\), so every value must be greater than -1', 'why.msle', []),
    rule('binary cross-entropy takes probabilities in \\[0, 1\\] \\(use binary_cross_entropy_with_logits for raw scores\\)', 'why.bceProbabilities', []),
    rule('the focal loss takes labels in \\[0, 1\\]', 'why.focalLabels', []),
    rule(`with log_input false the input is a rate and the loss takes log\\(input \\+ eps\\), so each input must be greater than -eps \\(${TOKEN}\\)`, 'why.poissonRate', ['limit']),
    rule('the Poisson loss takes log\\(input \\+ 1e-7\\), so each input must be greater than -1e-7', 'why.kerasPoisson', []),
    rule('with log_target false the target holds probabilities, which must be numbers >= 0 \\(set log_target for log-probabilities\\)', 'why.klTarget', []),
    rule('a variance must be a number >= 0', 'why.variance', []),
    rule('a class index must be a whole number', 'why.wholeIndex', []),
  ];

  const MESSAGE_RULES = [
    // parse.cpp (also matched by code in translateError)
    rule(`line (\\d+), column (\\d+): expected a number, found "(.*)"`, 'err.parse.not_a_number', ['line', 'column', 'token']),
    rule(`line (\\d+), column (\\d+): expected a finite number, found "(.*)"`, 'err.parse.not_finite', ['line', 'column', 'token']),
    rule(`line (\\d+), column (\\d+): expected a number within the float64 range, found "(.*)"`, 'err.parse.out_of_range', ['line', 'column', 'token']),
    rule('line (\\d+) has (\\d+) (numbers?) but line (\\d+) has (\\d+): every row of a matrix needs the same count', 'err.parse.ragged_rows', ['line', 'count', 'numbers', 'firstLine', 'firstCount']),
    // registry.cpp
    rule("missing argument '(.*)'", 'err.missingArgument', ['name']),
    rule("missing option '(.*)'", 'err.missingOption', ['name']),
    rule("unknown loss '(.*)'; the losses are: (.*)", 'err.unknownLoss', ['name', 'list']),
    rule(`reduction '(.*)' is not available for ${TOKEN}; choose (.*)`, 'err.reductionUnavailable', ['reduction', 'loss', 'list']),
    rule(`unknown option '(.*)' for ${TOKEN}; its options are: none`, 'err.unknownOptionNone', ['name', 'loss']),
    rule(`unknown option '(.*)' for ${TOKEN}; its options are: (.*)`, 'err.unknownOption', ['name', 'loss', 'list']),
    rule(`option ${TOKEN} of ${TOKEN} must be (.+), got ${TOKEN}`, 'err.optionRange', ['name', 'loss', 'range', 'value'],
      { zh: { range: rangeRequirement } }),
    rule(`unknown argument '(.*)' for ${TOKEN}; its arguments are: (.*)`, 'err.unknownArgument', ['name', 'loss', 'list']),
    rule(`(.+) has (\\d+) numbers but its shape ${SHAPE} needs (\\d+)`, 'err.countMismatch', ['name', 'count', 'shape', 'needed']),
    rule(`${TOKEN} needs the argument '(.*)'`, 'err.needsArgument', ['loss', 'name']),
    // kernels.cpp and the losses
    rule(`${NAME} is a single number; it needs one score per class: \\[C\\] or \\[N, C\\]`, 'err.singleNumber', ['name']),
    rule(`${NAME} is empty: give at least one row of class scores`, 'err.emptyRows', ['name']),
    rule(`${NAME} is empty: give at least one number`, 'err.empty', ['name']),
    rule(`${NAME} has shape ${SHAPE} but needs one weight per class, \\[(\\d+)\\], or the input's shape ${SHAPE}`, 'err.classWeightOrInput', ['name', 'shape', 'classes', 'inputShape']),
    rule(`${NAME} has shape ${SHAPE} but needs one weight per class, \\[(\\d+)\\]`, 'err.classWeight', ['name', 'shape', 'classes']),
    rule(`${NAME} has shape ${SHAPE} but input has ${SHAPE}: give class indices of shape ${SHAPE} or class probabilities of shape ${SHAPE}`, 'err.classTarget', ['name', 'shape', 'inputShape', 'indexShape', 'probShape']),
    rule(`${NAME} has shape ${SHAPE} but input has ${SHAPE}: give one class index per row, shape ${SHAPE}`, 'err.rowTarget', ['name', 'shape', 'inputShape', 'rowShape']),
    rule(`ignore_index is ${TOKEN} but target holds class probabilities: ignore_index applies to class indices only \\(leave it at -100\\)`, 'err.ignoreIndexProbabilities', ['value']),
    rule(`${NAME} has shape ${SHAPE} but ${NAME} needs one class index per sample, shape ${SHAPE}`, 'err.indexTarget', ['name', 'shape', 'loss', 'sampleShape']),
    rule(`${NAME} has shape ${SHAPE}: ${NAME} takes class scores of shape \\[C\\] or \\[N, C\\]`, 'err.marginInput', ['name', 'shape', 'loss']),
    rule(`shape ${SHAPE} has more elements than memory can hold`, 'err.shapeTooLarge', ['shape']),
    rule(`${NAME} has shape ${SHAPE}: give one label per row, \\[N\\], or a single label for unbatched \\[D\\] inputs`, 'err.labelTarget', ['name', 'shape']),
    rule(`${NAME} has shape ${SHAPE} but ${NAME} has shape ${SHAPE}: (.+)`, 'err.shapePair', ['name', 'shape', 'other', 'otherShape', 'why'], { why: 'why' }),
    rule(`${NAME} has shape ${SHAPE} but must have the input's shape ${SHAPE} or one weight per class, \\[(\\d+)\\]`, 'err.posWeight', ['name', 'shape', 'inputShape', 'classes']),
    rule(`${POS} is ${TOKEN} but input has (\\d+) classes: a class index runs from 0 to (\\d+) \\(or is ignore_index, ${TOKEN}\\)`, 'err.classRangeIgnore', ['position', 'value', 'classes', 'last', 'ignore']),
    rule(`${POS} is ${TOKEN} but input has (\\d+) classes: a class index runs from 0 to (\\d+)`, 'err.classRange', ['position', 'value', 'classes', 'last']),
    rule(`${POS} is ${TOKEN}: (.+)`, 'err.valueAt', ['position', 'value', 'why'], { why: 'why' }),
    // bindings.cpp
    rule("argument '(.*)' must be \\{data, shape\\}", 'err.argumentObject', ['name']),
    rule("the shape of '(.*)' must list whole, non-negative sizes", 'err.shapeSizes', ['name']),
    rule('reduction must be "none", "mean" or "sum"', 'err.reductionString', []),
    rule(`option (.+) must be a number or a boolean`, 'err.optionType', ['name']),
    // lossplay.js
    rule("argument '(.*)' must hold numbers: use a Float64Array or a plain array", 'err.argumentNumbers', ['name']),
    rule("argument '(.*)' must be an array or \\{data, shape\\}", 'err.argumentArray', ['name']),
    rule("argument '(.*)' element (\\d+) is (.*), not a number", 'err.argumentElement', ['name', 'index', 'value']),
    rule("the shape of '(.*)' must be an array of sizes", 'err.shapeArray', ['name']),
    rule('compute needs its arguments as an object: \\{input, target, \\.\\.\\.\\}', 'err.computeArgs', []),
    rule('options must be an object: \\{reduction, \\.\\.\\.\\}', 'err.optionsObject', []),
    rule('lossplay-core\\.js is not loaded: include it before lossplay\\.js', 'err.coreNotLoaded', []),
  ];

  // {key, params} for a message, with `why` sentences matched in turn; null
  // when any part is unknown (the caller then keeps the English).
  function matchMessage(message, rules) {
    const text = String(message);
    for (const r of rules || MESSAGE_RULES) {
      const m = r.re.exec(text);
      if (!m) continue;
      const params = {};
      r.names.forEach((name, i) => {
        params[name] = m[i + 1];
      });
      if (r.why) {
        const inner = matchMessage(params[r.why], WHY_RULES);
        if (!inner) continue;
        params[r.why] = inner;
      }
      return { key: r.key, params, rule: r };
    }
    return null;
  }

  // The text of a match in `lang`; null when a Chinese transform fails.
  function render(match, lang) {
    const params = {};
    for (const [name, value] of Object.entries(match.params)) {
      if (value && typeof value === 'object') {
        const inner = render(value, lang);
        if (inner === null) return null;
        params[name] = inner;
      } else if (lang === 'zh' && match.rule.zh && match.rule.zh[name]) {
        const v = match.rule.zh[name](value);
        if (v === null) return null;
        params[name] = v;
      } else {
        params[name] = value;
      }
    }
    return t(match.key, params, lang);
  }

  function translateMessage(message, lang) {
    const text = message == null ? '' : String(message);
    const l = langOr(lang);
    if (l === 'en') return text;
    try {
      const match = matchMessage(text);
      const out = match && render(match, l);
      return out === null || out === undefined ? text : out;
    } catch (e) {
      return text; // a translation problem must never hide the message
    }
  }

  // Parse errors by code, with the counts of a ragged row from the message.
  function translateParse(error, lang) {
    const where = { line: error.line, column: error.column, token: error.token };
    switch (error.code) {
      case 'not_a_number':
      case 'not_finite':
      case 'out_of_range':
        return t(`err.parse.${error.code}`, where, lang);
      case 'ragged_rows': {
        const byText = translateMessage(error.message, lang);
        return byText !== String(error.message) ? byText : t('err.parse.ragged_rows_short', where, lang);
      }
      case 'empty':
        return t('err.parse.empty', where, lang);
      default: {
        const byText = translateMessage(error.message, lang);
        if (byText !== String(error.message) || error.line == null) return byText;
        return t('err.parse.other', where, lang);
      }
    }
  }

  /** The message of a LossPlayError (or any Error) in `lang`; English when unknown. */
  function translateError(error, lang) {
    try {
      if (error == null) return '';
      const message = error.message != null ? String(error.message) : String(error);
      const l = langOr(lang);
      if (l === 'en') return message;
      if (error.kind === 'parse' && error.code) return translateParse(error, l);
      return translateMessage(message, l);
    } catch (e) {
      try {
        return error && error.message != null ? String(error.message) : String(error);
      } catch (e2) {
        return ''; // an object whose message itself throws
      }
    }
  }

  // ---- the document ----

  // data-i18n sets textContent; data-i18n-<attr> sets that attribute, for
  // these attributes only (never an event handler or a URL).
  const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'content', 'alt'];
  const SELECTOR = ['[data-i18n]', ...ATTRIBUTES.map((a) => `[data-i18n-${a}]`)].join(',');

  function applyOne(node, lang) {
    const key = node.getAttribute('data-i18n');
    if (key && table[key]) node.textContent = t(key, null, lang);
    for (const attr of ATTRIBUTES) {
      const k = node.getAttribute(`data-i18n-${attr}`);
      if (k && table[k]) node.setAttribute(attr, t(k, null, lang));
    }
  }

  function applyTo(root, lang) {
    const base = root || (typeof document !== 'undefined' ? document : null);
    if (!base || typeof base.querySelectorAll !== 'function') return;
    if (typeof base.matches === 'function' && base.matches(SELECTOR)) applyOne(base, lang);
    for (const node of base.querySelectorAll(SELECTOR)) applyOne(node, lang);
  }

  // ---- choosing the language ----

  // ?lang=zh / ?lang=en from a Location, a URL, or a string.
  function langFromQuery(location) {
    if (!location) return null;
    let search = typeof location === 'string' ? location : location.search != null ? String(location.search) : String(location.href || '');
    const q = search.indexOf('?');
    if (q >= 0) search = search.slice(q + 1);
    search = search.split('#')[0];
    try {
      return normalize(new URLSearchParams(search).get('lang'));
    } catch (e) {
      return null;
    }
  }

  // ?lang= forces a language; otherwise Chinese if any of the browser's
  // languages is a Chinese one (the readers come from a Chinese note).
  function detect(location, navigator) {
    const forced = langFromQuery(location);
    if (forced) return forced;
    const nav = navigator || {};
    const list = Array.isArray(nav.languages) || (nav.languages && nav.languages.length) ? Array.from(nav.languages) : [];
    if (nav.language) list.push(nav.language);
    return list.some((l) => normalize(l) === 'zh') ? 'zh' : 'en';
  }

  // options.page === false leaves <html lang> and the document alone (a
  // <loss-playground> element must not re-word its host page).
  function setLang(lang, options) {
    const next = normalize(lang) || 'en';
    const changed = next !== current;
    current = next;
    ui.lang = next;
    const page = !(options && options.page === false);
    if (page && typeof document !== 'undefined' && document.documentElement) {
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      applyTo(document, next);
    }
    if (changed) {
      for (const fn of listeners.slice()) {
        try {
          fn(next);
        } catch (e) {
          if (typeof console !== 'undefined') console.error(e); // one broken listener must not stop the rest
        }
      }
    }
    return next;
  }

  /** Calls fn(lang) after each change of language; returns a function that unsubscribes. */
  function onChange(fn) {
    if (typeof fn !== 'function') return () => {};
    listeners.push(fn);
    return () => {
      const i = listeners.indexOf(fn);
      if (i >= 0) listeners.splice(i, 1);
    };
  }

  const i18n = {
    get lang() {
      return current;
    },
    set lang(value) {
      setLang(value);
    },
    detect,
    setLang,
    onChange,
    t,
    register,
    pick,
    shortName,
    shapeText,
    rangeText,
    describeShape,
    applyTo,
    translateError,
    translateMessage,
    has: (key) => Boolean(table[key]),
    keys: () => Object.keys(table),
    entry: (key) => (table[key] ? Object.assign({}, table[key]) : undefined),
    // For the tests: the rule tables and the registry-shape table.
    _internal: { matchMessage, render, MESSAGE_RULES, WHY_RULES, ARG_SHAPES, normalize },
  };

  register(STRINGS);
  ui.i18n = i18n;
  if (!ui.lang) ui.lang = current;

  // Pick the language once, as the page loads (not in Node's tests).
  if (typeof document !== 'undefined' && typeof location !== 'undefined') {
    setLang(detect(location, typeof navigator !== 'undefined' ? navigator : null));
  }
})(((typeof self !== 'undefined' ? self : globalThis).LossPlayUI = (typeof self !== 'undefined' ? self : globalThis).LossPlayUI || {}));
