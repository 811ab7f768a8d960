/* The page's own read errors (input/read.js, input/file-text.js), by code:
 * 'error.<code>' with {param} placeholders, as the core's are in errors.js.
 * {expected} is itself a key of input.js, translated in the same language. */

export const inputErrorStrings = {
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
    zh: '第 {line} 行第 {column} 列：数字之后应是 dtype=torch.float32 这样的关键字参数，读到“{token}”',
  },
  'error.literal_empty': { en: 'line {line}, column {column}: the brackets hold no numbers', zh: '第 {line} 行第 {column} 列：括号里没有数字' },
  'error.json_unreadable': { en: 'could not read the JSON array', zh: '无法读取这个 JSON 数组' },
  'error.file_too_large': {
    en: '{name} is {size}: files over {limit} (about {numbers} numbers) are not loaded, so the tab does not run out of memory. Your data were kept.',
    zh: '{name} 有 {size}：超过 {limit}（约 {numbers} 个数）的文件不会读入，以免页面内存不足。原有数据保持不变。',
  },
  'error.paste_too_large': {
    en: 'The pasted text is {size}: data over {limit} (about {numbers} numbers) are not kept, so the tab does not run out of memory. Your data were kept.',
    zh: '粘贴的文本有 {size}：超过 {limit}（约 {numbers} 个数）的数据不会保留，以免页面内存不足。原有数据保持不变。',
  },
  'error.file_binary': {
    en: '{name} is not a text file (it holds NUL bytes). Save it as CSV or plain text and try again. Your text was kept.',
    zh: '{name} 不是文本文件（含有 NUL 字节）。请另存为 CSV 或纯文本后再试。输入框里的内容保持不变。',
  },
  'error.file_workbook': {
    en: '{name} looks like a spreadsheet workbook, not text. Save it as CSV (File → Save as → CSV) and try again. Your text was kept.',
    zh: '{name} 看起来是电子表格工作簿，不是文本。请另存为 CSV（文件 → 另存为 → CSV）后再试。输入框里的内容保持不变。',
  },
  'error.file_empty': { en: '{name} is empty. Your text was kept.', zh: '{name} 是空文件。输入框里的内容保持不变。' },
  'error.file_read_failed': { en: '{name} could not be read. Your text was kept.', zh: '无法读取 {name}。输入框里的内容保持不变。' },
};
