/* The JS facade's own checks (core/lossplay.js, core/load-core-default.js),
 * by code, as the core's errors are in errors.js. */

export const apiStrings = {
  'error.not_numbers': {
    en: "argument '{name}' must hold numbers: use a Float64Array or a plain array",
    zh: "参数 '{name}' 必须由数字组成：请使用 Float64Array 或普通数组",
  },
  'error.not_array_or_tensor': {
    en: "argument '{name}' must be an array or {data, shape}",
    zh: "参数 '{name}' 必须是数组或 {data, shape} 形式的对象",
  },
  'error.element_not_number': {
    en: "argument '{name}' element {index} is {value}, not a number",
    zh: "参数 '{name}' 中下标为 {index} 的元素是 {value}，不是数字",
  },
  'error.shape_not_sizes': {
    en: "the shape of '{name}' must be an array of sizes",
    zh: "'{name}' 的形状必须是由各维大小组成的数组",
  },
  'error.args_not_object': {
    en: 'compute needs its arguments as an object: {input, target, ...}',
    zh: 'compute 需要以对象形式传入参数：{input, target, ...}',
  },
  'error.options_not_object': { en: 'options must be an object: {reduction, ...}', zh: 'options 必须是对象：{reduction, ...}' },
  'error.core_not_loaded': {
    en: 'lossplay-core.js is not loaded: include it before lossplay.js',
    zh: 'lossplay-core.js 没有加载：请在 lossplay.js 之前引入它',
  },
};
