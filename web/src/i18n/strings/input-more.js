/* The reading strings the first view never needs, loaded with the lazy
 * chunk (input/more.js): ŷ and y that do not fit, a table split into ŷ and
 * y, comma readings, Python lists, the column picker, and the JSON and
 * literal read errors by code ('error.<code>'). */

export const inputMoreStrings = {
  'input.readList': { en: 'Read a Python list of {n|# number|# numbers}.', zh: '读取了 Python 列表：{n} 个数。' },
  'input.readListOne': { en: 'Read a Python list of 1 number.', zh: '读取了 Python 列表：1 个数。' },
  'input.readListShape': { en: 'Read a Python list of shape {shape} ({n|# number|# numbers}).', zh: '读取了形状为 {shape} 的 Python 列表（{n} 个数）。' },
  'input.expValue': { en: 'a number or "["', zh: '数字或“[”' },
  'input.expValueOrEnd': { en: 'a number, "[" or "]"', zh: '数字、“[”或“]”' },
  'input.expCommaOrEnd': { en: '"," or "]"', zh: '“,”或“]”' },
  'input.expArray': { en: '"["', zh: '“[”' },
  'input.pickerTitle': { en: 'This table has several columns: choose which one holds ŷ and which holds y.', zh: '表格有多列：请选择哪一列是 ŷ，哪一列是 y。' },
  'input.pickerPrediction': { en: 'ŷ column', zh: 'ŷ 所在列' },
  'input.pickerTarget': { en: 'y column', zh: 'y 所在列' },
  'input.pickerSame': { en: 'ŷ and y are the same column.', zh: 'ŷ 和 y 选了同一列。' },
  'input.pickerSummary': { en: 'ŷ from {prediction}, y from {target}.', zh: 'ŷ 取自{prediction}，y 取自{target}。' },
  'pair.counts': { en: 'ŷ has {p}, y has {y}: give as many of each.', zh: 'ŷ 有 {p}，y 有 {y}：两边的个数要一样多。' },
  'pair.shapes': { en: 'ŷ has shape {p}, y has shape {y}: give them the same shape.', zh: 'ŷ 的形状是 {p}，y 的形状是 {y}：两者的形状要相同。' },
  'pair.rowsLabels': { en: 'ŷ has {rows} of class scores, y has {labels}: give one class index per row of ŷ.', zh: 'ŷ 有 {rows}类别分数，y 有 {labels}：ŷ 的每一行要对应 y 中的一个类别索引。' },
  'pair.rowsOne': { en: '1 row', zh: '1 行' },
  'pair.rowsMany': { en: '{n|# row|# rows}', zh: '{n} 行' },
  'pair.labelsOne': { en: '1 label', zh: '1 个标签' },
  'pair.labelsMany': { en: '{n} labels', zh: '{n} 个标签' },
  'split.done': { en: 'Read {count} from the {box} box: {prediction} → ŷ, {target} → y.', zh: '从 {box}读取了 {count}：{prediction} → ŷ，{target} → y。' },
  'split.setAside': { en: 'The {other} box is not used (its text is kept).', zh: '{other}暂不使用（其中的内容保留不变）。' },
  'split.undo': { en: 'Undo: read it as one matrix', zh: '撤销：按一个矩阵读取' },
  'split.redo': { en: 'Split the table into ŷ and y', zh: '把表格拆成 ŷ 和 y' },
  'split.boxP': { en: 'ŷ', zh: 'ŷ 输入框' },
  'split.boxY': { en: 'y', zh: 'y 输入框' },
  'split.cols': { en: '{n|# column|# columns}', zh: '{n} 列数据' },
  'commas.decimal': { en: 'Commas were read as separators. Did you mean decimal commas?', zh: '逗号被当作了分隔符。您是想用逗号作小数点吗？' },
  'commas.thousands': { en: 'Commas were read as separators. Did you mean thousands separators?', zh: '逗号被当作了分隔符。您是想用逗号作千位分隔符吗？' },
  'commas.readAs': { en: 'Read as {values}', zh: '按 {values} 读取' },
  'commas.appliedDecimal': { en: 'Commas read as decimal points.', zh: '逗号已按小数点读取。' },
  'commas.appliedThousands': { en: 'Commas read as thousands separators.', zh: '逗号已按千位分隔符读取。' },
  'commas.back': { en: 'Read commas as separators', zh: '把逗号当作分隔符' },
  'error.json_syntax': {
    en: 'line {line}, column {column}: JSON syntax: expected {expected}, found "{token}"',
    zh: '第 {line} 行第 {column} 列：JSON 语法错误：这里应是{expected}，读到“{token}”',
  },
  'error.json_syntax_end': {
    en: 'line {line}, column {column}: JSON syntax: expected {expected}, found the end of the text',
    zh: '第 {line} 行第 {column} 列：JSON 语法错误：这里应是{expected}，却已到文本结尾',
  },
  'error.json_trailing': {
    en: 'line {line}, column {column}: JSON syntax: unexpected "{token}" after the closing "]"',
    zh: '第 {line} 行第 {column} 列：JSON 语法错误：结尾的“]”之后多出了“{token}”',
  },
  'error.json_not_number': {
    en: 'line {line}, column {column}: expected a number in the JSON array, found {token}',
    zh: '第 {line} 行第 {column} 列：JSON 数组里应是数字，读到 {token}',
  },
  'error.json_not_array': {
    en: 'line {line}, column {column}: expected an array like the other rows, found "{token}"',
    zh: '第 {line} 行第 {column} 列：这里应像其他行一样是数组，读到“{token}”',
  },
  'error.json_nested': {
    en: 'line {line}, column {column}: expected a number like the other elements, found an array',
    zh: '第 {line} 行第 {column} 列：这里应像其他元素一样是数字，读到了数组',
  },
  'error.json_row_longer': {
    en: 'line {line}, column {column}: this array has more elements than the first one at its depth ({n}): a matrix needs rows of equal length',
    zh: '第 {line} 行第 {column} 列：这个数组的元素比同一层的第一个数组（{n} 个）多：矩阵的每一行长度必须相同',
  },
  'error.json_row_shorter': {
    en: 'line {line}, column {column}: this array ends after {count} of {n} elements (the length of the first array at its depth): a matrix needs rows of equal length',
    zh: '第 {line} 行第 {column} 列：这个数组只有 {count} 个元素，而同一层的第一个数组有 {n} 个：矩阵的每一行长度必须相同',
  },
  'error.json_out_of_range': {
    en: 'line {line}, column {column}: expected a number within the float64 range, found "{token}"',
    zh: '第 {line} 行第 {column} 列：数值超出 float64 的范围，读到“{token}”',
  },
  'error.json_too_deep': {
    en: 'line {line}, column {column}: arrays nested more than {n} deep are not supported',
    zh: '第 {line} 行第 {column} 列：不支持嵌套超过 {n} 层的数组',
  },
  'error.literal_unclosed': {
    en: 'line {line}, column {column}: the "(" at line {open_line}, column {open_column} is not closed: expected ")" at the end',
    zh: '第 {line} 行第 {column} 列：第 {open_line} 行第 {open_column} 列的“(”没有闭合：结尾应是“)”',
  },
  'error.literal_argument': {
    en: 'line {line}, column {column}: expected keyword arguments such as dtype=torch.float32 after the numbers, found "{token}"',
    zh: '第 {line} 行第 {column} 列：数字之后只能是 torch.tensor 的关键字参数，读到“{token}”',
  },
  'error.literal_empty': { en: 'line {line}, column {column}: the brackets hold no numbers', zh: '第 {line} 行第 {column} 列：括号里没有数字' },
  'error.json_unreadable': { en: 'could not read the JSON array', zh: '无法读取这个 JSON 数组' },
};
