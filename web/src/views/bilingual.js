/* A loss's two titles side by side, the page's language first, the other
 * marked with its own lang (lang="zh-CN" beside English, lang="en" beside
 * Chinese) so screen readers and fonts treat each as what it is. */
import { el } from './dom.js';

/** [first, second] spans for `loss` in the language of `tr`; second is null when both are the same. */
export function titleSpans(tr, loss, cls = 'loss-title') {
  const zhFirst = tr.lang === 'zh';
  const first = zhFirst ? loss.titleZh : loss.titleEn;
  const second = zhFirst ? loss.titleEn : loss.titleZh;
  const out = [el('span', { class: cls, text: first })];
  if (second && second !== first) {
    out.push(el('span', { class: `${cls} title-other`, lang: zhFirst ? 'en' : 'zh-CN', text: second }));
  }
  return out;
}
