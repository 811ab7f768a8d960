/* The PyTorch code panel: the comments of the generated code and its Copy button. */

export const codeStrings = {
  'code.header': { en: 'lossplay: {title} ({name}) on your data, in float64 as on the page.', zh: 'lossplay：用你的数据计算{title}（{name}），与页面一样使用 float64。' },
  'code.runWith': { en: 'Run with Python 3 and PyTorch (checked with PyTorch 1.13).', zh: '用 Python 3 和 PyTorch 运行（已用 PyTorch 1.13 验证）。' },
  'code.fromFile': { en: '{arg}: {count} numbers, more than this code writes out ({limit} in all), so they are read from {file}. Put that file beside this script (the page saves it with "Download {file}").', zh: '{arg}：共 {count} 个数，超过代码中直接写出的上限（共 {limit} 个），因此从 {file} 读取。请把该文件放在本脚本旁边（页面上的“下载 {file}”可保存它）。' },
  'code.classIndices': { en: '{arg}: class indices, whole numbers as torch.long', zh: '{arg}：类别索引，整数，类型为 torch.long' },
  'code.notInTorch': { en: '{name} is not in torch.nn.functional: written out from its definition.', zh: '{name} 不在 torch.nn.functional 中：按其定义直接写出。' },
  'code.focal': { en: "torchvision.ops.sigmoid_focal_loss, written out (torchvision is not needed).", zh: 'torchvision.ops.sigmoid_focal_loss 的定义，直接写出（不需要 torchvision）。' },
  'code.logCosh': { en: 'log(cosh(d)) computed stably: log1p(2 sinh(|d|/2)^2) below 1, |d| + log1p(exp(-2|d|)) - log 2 above.', zh: '稳定地计算 log(cosh(d))：|d| < 1 时用 log1p(2 sinh(|d|/2)^2)，否则用 |d| + log1p(exp(-2|d|)) - log 2。' },
  'code.rmseNote': { en: 'RMSE is the square root of the mean squared error; it is defined with reduction mean only.', zh: 'RMSE 是均方误差的平方根，只定义了 mean 归约。' },
  'code.noneSum': { en: "reduction='none' leaves one loss per element: backward on their sum gives the gradient the page shows.", zh: "reduction='none' 保留每个元素的损失：对它们的和做 backward，得到页面上显示的梯度。" },
  'code.noTensor': { en: 'no values for {arg}', zh: '{arg} 没有数值' },
  'code.noCode': { en: 'no PyTorch code is known for {name}', zh: '没有 {name} 的 PyTorch 代码' },
  'code.codeLabel': { en: 'PyTorch code', zh: 'PyTorch 代码' },
  'code.copy': { en: 'Copy', zh: '复制' },
  'code.copyLabel': { en: 'Copy the PyTorch code', zh: '复制 PyTorch 代码' },
  'code.copied': { en: 'Copied', zh: '已复制' },
  'code.selected': { en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy', zh: '已选中：按 Ctrl+C（Mac 上为 ⌘C）复制' },
  'code.filesNeeded': { en: 'This code reads its data from:', zh: '此代码从以下文件读取数据：' },
  'code.downloadFile': { en: 'Download {file}', zh: '下载 {file}' },
};
