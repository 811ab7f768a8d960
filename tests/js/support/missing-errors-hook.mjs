// TEMPORARY until the merge: resolves web/src/i18n/strings/errors.js (the
// core's error templates, written on the C++ side) to an empty table when
// the file is not there yet, as scripts/bundle.js does for the bundles.
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (e) {
    if (e && e.code === 'ERR_MODULE_NOT_FOUND' && /\/i18n\/strings\/errors\.js$/.test(e.url || specifier)) {
      return { url: 'data:text/javascript,export const errorStrings = {};', shortCircuit: true };
    }
    throw e;
  }
}
