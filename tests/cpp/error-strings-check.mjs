// Checks web/src/i18n/strings/errors.js against the core's table of error
// codes: an English and a Chinese template for every code and none for a
// code the core lacks; each English template the core's own; the same
// placeholders in both languages, each one a param of its code.
// Usage: node error-strings-check.mjs DUMP_EXECUTABLE ERRORS_JS
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [dump, stringsPath] = process.argv.slice(2);
const table = JSON.parse(execFileSync(dump, { encoding: 'utf8' }));
// A data: URL loads the file as an ES module whatever package.json says.
const source = readFileSync(stringsPath, 'utf8');
const mod = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const problems = [];
// {count|# number|# numbers} is the translator's plural form of {count}.
const placeholders = (text) => new Set([...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]));
// The plural form read as the core writes it: its last (plural) variant, # as the number.
const asCoreWrites = (text) => text.replace(/\{(\w+)\|[^{}|]*\|([^{}|]*)\}/g, (m, name, many) => many.replace('#', `{${name}}`));
const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

function checkEntry(key, entry, params) {
  for (const lang of ['en', 'zh']) {
    if (typeof entry?.[lang] !== 'string' || entry[lang].trim() === '') problems.push(`${key}: no ${lang} text`);
  }
  if (typeof entry?.en !== 'string' || typeof entry?.zh !== 'string') return;
  const en = placeholders(entry.en), zh = placeholders(entry.zh);
  if (!sameSet(en, zh)) problems.push(`${key}: en uses {${[...en]}} but zh uses {${[...zh]}}`);
  if (params) {
    for (const p of zh) if (!params.includes(p)) problems.push(`${key}: {${p}} is not a param of the code (${params})`);
  }
}

const strings = mod.errorStrings ?? {};
const known = new Map(table.map((c) => [`error.${c.code}`, c]));
for (const [key, c] of known) {
  if (!Object.hasOwn(strings, key)) {
    problems.push(`${key}: raised by the core but missing from errors.js`);
    continue;
  }
  checkEntry(key, strings[key], c.params);
  if (asCoreWrites(strings[key].en) !== c.english) problems.push(`${key}: en differs from the core's template:\n  ${strings[key].en}\n  ${c.english}`);
}
for (const key of Object.keys(strings)) {
  if (!known.has(key)) problems.push(`${key}: in errors.js but no such code in the core`);
}
for (const [key, entry] of Object.entries(mod.facadeErrorStrings ?? {})) {
  if (known.has(key)) problems.push(`${key}: a facade code must not reuse a core code`);
  checkEntry(key, entry, null);
}

if (problems.length) {
  console.error(`errors.js disagrees with error_codes():\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`errors.js: ${known.size} core codes and ${Object.keys(mod.facadeErrorStrings ?? {}).length} facade codes, en and zh each`);
