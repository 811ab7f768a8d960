/* Large data kept out of the text boxes: the preview and the progress of a
 * long run. Loaded with the data chunk (pipeline/chunk-entry.js), not in
 * the first load. */

export const dataStrings = {
  'bigdata.summary': { en: '{n} numbers · {size}', zh: '{n} 个数 · {size}' },
  'bigdata.reading': { en: '{size} · reading…', zh: '{size} · 读取中…' },
  'bigdata.unread': { en: '{size} · not read', zh: '{size} · 未能读取' },
  'bigdata.label': { en: 'Data kept outside the text box', zh: '数据保存在输入框之外' },
  'bigdata.edit': { en: 'Edit as text', zh: '作为文本编辑' },
  'bigdata.clear': { en: 'Clear', zh: '清除' },
  'bigdata.download': { en: 'Download', zh: '下载' },
  'bigdata.warning': {
    en: 'Editing {size} as text can make the page stop responding for a while.',
    zh: '把 {size} 作为文本编辑，页面可能会有一段时间没有响应。',
  },
  'bigdata.progress.read': { en: 'Reading {box}…', zh: '正在读取{box}…' },
  'bigdata.progress.loss': { en: 'Computing {loss} ({i} of {n})…', zh: '正在计算 {loss}（第 {i} 个，共 {n} 个）…' },
  'bigdata.progress.cancel': { en: 'Cancel', zh: '取消' },
  'bigdata.progress.cancelled': { en: 'Stopped. Your data are kept; change anything to compute again.', zh: '已停止。数据保持不变；修改任意内容即可重新计算。' },
  'bigdata.progress.failed': { en: 'The computation failed: {message}', zh: '计算失败：{message}' },
};
