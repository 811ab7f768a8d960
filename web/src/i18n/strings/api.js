/* The JS facade's own checks (core/lossplay.js, core/start-core.js), by
 * code, as the core's errors are in errors.js: what reaches lp.parse and
 * lp.compute that is not data. */

export const apiStrings = {
  'error.argument_not_numbers': {
    en: "argument '{arg}' must hold numbers: use a Float64Array or a plain array",
    zh: "参数 '{arg}' 必须由数字组成：请使用 Float64Array 或普通数组",
  },
  'error.argument_not_array': {
    en: "argument '{arg}' must be an array or {data, shape}",
    zh: "参数 '{arg}' 必须是数组或 {data, shape} 形式的对象",
  },
  'error.argument_element_not_number': {
    en: "argument '{arg}' element {element} is {value}, not a number",
    zh: "参数 '{arg}' 中下标为 {element} 的元素是 {value}，不是数字",
  },
  'error.shape_not_array': {
    en: "the shape of '{arg}' must be an array of sizes",
    zh: "'{arg}' 的形状必须是由各维大小组成的数组",
  },
  'error.arguments_not_object': {
    en: 'compute needs its arguments as an object: {input, target, ...}',
    zh: 'compute 需要以对象形式传入参数：{input, target, ...}',
  },
  'error.options_not_object': { en: 'options must be an object: {reduction, ...}', zh: 'options 必须是对象：{reduction, ...}' },
  'error.outputs_not_list': {
    en: "options.outputs must be a list of 'value', 'grad' and 'terms', not {value}",
    zh: "options.outputs 必须是由 'value'、'grad'、'terms' 组成的列表，而不是 {value}",
  },
  'error.text_not_string': {
    en: 'lp.parse and lp.parseTensor take text (a string or a Uint8Array of UTF-8), not {type}',
    zh: '读取数字需要文本（字符串或 UTF-8 字节），而不是 {type}',
  },
  'error.loss_name_not_string': {
    en: "compute takes the loss's name as a string, not {type}",
    zh: 'compute 需要以字符串给出损失函数的名称，而不是 {type}',
  },
  'error.unreadable_value': { en: '{what} could not be read: {detail}', zh: '无法读取{what}：{detail}' },
};

// Why the core did not start: shown when nothing else can be, so it comes with the first load.
export const loadStrings = {
  'error.core_load_failed': {
    en: 'lossplay could not load its WebAssembly core (lossplay-core.wasm): {reason}',
    zh: 'lossplay 无法加载它的 WebAssembly 核心（lossplay-core.wasm）：{reason}',
  },
};
