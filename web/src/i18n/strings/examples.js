/* examples.html, the page that shows how to embed lossplay. */

export const examplesStrings = {
  'examples.pageTitle': { en: 'Embedding lossplay in your notes · lossplay', zh: '在笔记中嵌入 lossplay · lossplay' },
  'examples.description': {
    en: 'How to put a working lossplay widget inside a blog post: an iframe with a small loader, or one line of a Hugo shortcode.',
    zh: '如何把能实际计算的 lossplay 小部件放进博客文章：一个 iframe 加一个小加载脚本，或者一行 Hugo 短代码。',
  },
  'examples.tagline': { en: 'Put a loss function that really computes beside your explanation of it.', zh: '在讲解损失函数的文字旁边，放一个真能计算的损失函数。' },
  'examples.back': { en: 'Open the playground', zh: '打开实验台' },
  'examples.heading': { en: 'Embedding lossplay in your notes', zh: '在笔记中嵌入 lossplay' },
  'examples.intro': {
    en: "A post about MSE reads better when the reader can change the numbers and watch the loss change. lossplay runs as a small widget inside the post: it shows the losses and the data you chose, computes them in the reader's browser exactly as PyTorch does in float64, and sends nothing anywhere.",
    zh: '讲 MSE 的文章，如果读者能改动数字、看着损失随之变化，会更好懂。lossplay 可以作为小部件嵌在文章里：显示你选定的损失函数和数据，在读者的浏览器中按 PyTorch 的 float64 方式精确计算，不向任何地方发送数据。',
  },
  'examples.way.iframe': { en: 'An iframe and the loader', zh: 'iframe 加加载脚本' },
  'examples.way.iframeText': { en: 'Two lines of HTML, for any site or blog engine that lets you write HTML.', zh: '两行 HTML，适用于任何允许写 HTML 的网站或博客程序。' },
  'examples.way.hugo': { en: 'A Hugo shortcode', zh: 'Hugo 短代码' },
  'examples.way.hugoText': {
    en: 'One line in a Markdown post; the shortcode writes the iframe and loads the loader once per page.',
    zh: '在 Markdown 文章里写一行；短代码会生成 iframe，并且每个页面只加载一次加载脚本。',
  },
  'examples.way.element': { en: 'The <loss-playground> element', zh: '<loss-playground> 元素' },
  'examples.way.elementText': {
    en: 'No frame: the widget lives in the page, in its own Shadow DOM, themed with CSS variables.',
    zh: '不用 iframe：小部件直接放在页面里，有自己的 Shadow DOM，可用 CSS 变量设置主题。',
  },
  'examples.coming': { en: 'Coming', zh: '即将推出' },
  'examples.iframe.heading': { en: 'An iframe and the loader', zh: 'iframe 加加载脚本' },
  'examples.iframe.text': {
    en: "Copy lossplay's dist/ folder to your site (here as lossplay/), then write an iframe marked data-lossplay whose address says what the widget shows, and include embed.js once. The loader makes each frame exactly as tall as its content, so the widget never scrolls inside the post. Without it the frame keeps the height you gave it.",
    zh: '把 lossplay 的 dist/ 文件夹复制到你的网站（这里放在 lossplay/），然后写一个带 data-lossplay 标记的 iframe，用它的地址说明小部件显示什么，再引入一次 embed.js。加载脚本会让每个框架的高度正好等于其内容，小部件不会在文章里出现自己的滚动条。不用加载脚本时，框架保持你给定的高度。',
  },
  'examples.live.heading': { en: 'Live: two widgets on this page', zh: '实际效果：本页上的两个小部件' },
  'examples.live.regression': { en: "The note's MSE example: change a number and the three losses follow.", zh: '笔记中的 MSE 示例：改动一个数字，三个损失都会随之变化。' },
  'examples.live.regressionTitle': { en: 'lossplay: MSE, MAE and Huber', zh: 'lossplay：MSE、MAE 与 Huber' },
  'examples.live.crossEntropy': {
    en: "The note's cross-entropy example, with its formula and gradient instead of the data.",
    zh: '笔记中的交叉熵示例，显示公式和梯度，而不是数据。',
  },
  'examples.live.crossEntropyTitle': { en: 'lossplay: cross-entropy', zh: 'lossplay：交叉熵' },
  'examples.params.heading': { en: 'What the address can say', zh: '地址中可以写什么' },
  'examples.params.text': {
    en: 'Everything after index.html? is a list of name=value pairs joined by &. Encode spaces as %20 and | as %7C when you write the address by hand; the shortcode does it for you.',
    zh: 'index.html? 之后是一串用 & 连接的“名称=值”。手写地址时，请把空格写成 %20、把 | 写成 %7C；短代码会替你完成编码。',
  },
  'examples.params.name': { en: 'Name', zh: '名称' },
  'examples.params.example': { en: 'Example', zh: '示例' },
  'examples.params.meaning': { en: 'Meaning', zh: '含义' },
  'examples.params.embed': {
    en: 'Widget mode: no header or footer, only the panels asked for. Needed for every other name here.',
    zh: '小部件模式：不显示页头和页脚，只显示指定的面板。表中其他名称都需要它。',
  },
  'examples.params.losses': {
    en: 'The losses to compute, separated by commas: a short name (Huber, Cross-entropy), a PyTorch-style name (huber_loss) or an alias such as mse, mae, bce, ce, kl.',
    zh: '要计算的损失函数，用逗号分隔：简称（Huber、Cross-entropy）、PyTorch 风格的名称（huber_loss），或 mse、mae、bce、ce、kl 等别名。',
  },
  'examples.params.data': {
    en: 'Predictions, then |, then targets. Inside each, ; starts a new row of a matrix: 0.7 0.2 0.1; 0.1 0.8 0.1 | 0; 1.',
    zh: '先写预测值，然后是 |，再写真实值。每部分中用 ; 开始矩阵的新一行：0.7 0.2 0.1; 0.1 0.8 0.1 | 0; 1。',
  },
  'examples.params.preset': {
    en: "One of the study note's examples with its losses: mse, rmse, mae, huber, msle, cross_entropy, bce or hinge.",
    zh: '学习笔记中的示例之一（连同对应的损失函数）：mse、rmse、mae、huber、msle、cross_entropy、bce 或 hinge。',
  },
  'examples.params.panels': {
    en: 'Which panels show: data, losses, results, charts, formulas. The default is data,results,charts.',
    zh: '显示哪些面板：data（数据）、losses（损失函数）、results（结果）、charts（图表）、formulas（公式）。默认为 data,results,charts。',
  },
  'examples.params.theme': { en: "light or dark; without it the widget follows the reader's system setting.", zh: 'light 或 dark；不写时跟随读者的系统设置。' },
  'examples.params.lang': { en: "zh or en; without it the widget follows the reader's browser language.", zh: 'zh 或 en；不写时跟随读者浏览器的语言。' },
  'examples.params.options': {
    en: "A loss's options: loss, a dot, the option, a colon, the value; several separated by commas.",
    zh: '损失函数的选项：损失函数名、点、选项名、冒号、值；多个选项用逗号分隔。',
  },
  'examples.params.id': {
    en: 'A name the widget repeats in its height messages, for hosts that size frames themselves.',
    zh: '小部件在高度消息中附带的名称，供自行调整框架高度的宿主页面使用。',
  },
  'examples.hugo.heading': { en: 'A Hugo shortcode', zh: 'Hugo 短代码' },
  'examples.hugo.step1': { en: "Copy lossplay's dist/ folder to your site's static/lossplay/.", zh: '把 lossplay 的 dist/ 文件夹复制到你网站的 static/lossplay/。' },
  'examples.hugo.step2': {
    en: "Copy web/embed/hugo/layouts/shortcodes/lossplay.html from the lossplay repository to your site's layouts/shortcodes/.",
    zh: '把 lossplay 仓库中的 web/embed/hugo/layouts/shortcodes/lossplay.html 复制到你网站的 layouts/shortcodes/。',
  },
  'examples.hugo.step3': { en: 'Write one line where the widget should appear:', zh: '在要显示小部件的位置写一行：' },
  'examples.hugo.attributes': {
    en: "It takes the same names as the address (losses, data, preset, panels, theme, lang, options, id) as attributes, plus height, the frame's height before the widget reports its own, and title, the frame's name for screen readers. The values are encoded for you, and the frame's address keeps your baseURL's sub-path.",
    zh: '它的属性与地址中的名称相同（losses、data、preset、panels、theme、lang、options、id），另有 height（小部件报告自身高度之前框架的高度）和 title（供屏幕阅读器读出的框架名称）。属性值会自动编码，框架地址也会保留 baseURL 中的子路径。',
  },
  'examples.hugo.path': {
    en: "If dist/ lives elsewhere, say where in your site's configuration: params.lossplayPath, a path under the site (tools/lossplay/), from the host's root (/lossplay/) or a full address.",
    zh: '如果 dist/ 放在别处，请在网站配置的 params.lossplayPath 中写明：网站下的路径（tools/lossplay/）、从域名根开始的路径（/lossplay/），或完整地址。',
  },
  'examples.element.heading': { en: 'The <loss-playground> element', zh: '<loss-playground> 元素' },
  'examples.element.text': {
    en: "Include lossplay-element.js once and write the element with the same attributes as the shortcode. It needs no frame and grows with its content; its Shadow DOM keeps your page's CSS out, and CSS variables such as --accent, --bg and --card set on the element theme it.",
    zh: '引入一次 lossplay-element.js，然后写上这个元素，属性与短代码相同。它不需要 iframe，高度随内容变化；Shadow DOM 让你页面的 CSS 不会影响它，在元素上设置 --accent、--bg、--card 等 CSS 变量即可改变主题。',
  },
  'examples.element.live': { en: 'Live:', zh: '实际效果：' },
  'examples.footer': {
    en: "Widgets compute in the reader's browser, from the files of your own site: no request leaves it.",
    zh: '小部件在读者的浏览器中计算，只使用你自己网站上的文件：不会向站外发出任何请求。',
  },
  'examples.copy': { en: 'Copy', zh: '复制' },
  'examples.copyLabel': { en: 'Copy the {label} code', zh: '复制 {label} 代码' },
  'examples.copied': { en: 'Copied', zh: '已复制' },
  'examples.selected': { en: 'Selected: press Ctrl+C (⌘C on a Mac) to copy', zh: '已选中：按 Ctrl+C（Mac 上为 ⌘C）复制' },
};
