/* Exporting results: CSV, JSON and PNG. */

export const exportStrings = {
  'export.noCanvas': { en: 'There is no chart to save.', zh: '没有可保存的图表。' },
  'export.pngFailed': { en: 'The chart could not be saved as a PNG image.', zh: '图表无法保存为 PNG 图片。' },
  'export.figureTitle': { en: 'lossplay: {losses}', zh: 'lossplay：{losses}' },
  'export.figureOne': { en: '1 sample · reduction {reduction} · values of the losses:', zh: '1 个样本 · reduction 为 {reduction} · 各损失函数的值：' },
  'export.figureMany': { en: '{n|# sample|# samples} · reduction {reduction} · values of the losses:', zh: '{n} 个样本 · reduction 为 {reduction} · 各损失函数的值：' },
  'export.noDownload': { en: 'This browser cannot save files from the page.', zh: '此浏览器无法从页面保存文件。' },
};
