/* The page's own read errors (input/read.js, input/file-text.js), by code:
 * 'error.<code>' with {param} placeholders, as the core's are in errors.js.
 * {expected} is itself a key of input.js, translated in the same language. */

export const inputErrorStrings = {
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
