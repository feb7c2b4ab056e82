// Generates runtime/web/src/pinyin-table.json: the pinyin (toneless) of every character in the
// sample catalogue's item names, aliases and departments, read in the context of its word so that
// polyphones take the reading they have there (银行 háng, 执行 xíng). Run once when the catalogue
// gains characters; pinyin-pro (MIT) is needed only here, never at run time:
//   npm install --no-save pinyin-pro && node tools/generate-pinyin-table.mjs
// The window app matches what the table lacks by initials alone (pinyin collation).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(process.env.PINYIN_PRO_FROM ?? join(root, 'package.json'));
const { pinyin } = require('pinyin-pro');

const texts = new Set();
const itemsDir = join(root, 'standards/items');
for (const file of readdirSync(itemsDir).filter((f) => f.endsWith('.json'))) {
  const { standard } = JSON.parse(readFileSync(join(itemsDir, file), 'utf8'));
  texts.add(standard.name);
  for (const alias of standard.aliases ?? []) texts.add(alias);
  texts.add(typeof standard.department === 'string' ? standard.department : standard.department?.name ?? '');
}

/** syllable → the characters read so (a character may sit under two syllables). */
const table = {};
for (const text of texts) {
  const chars = [...text];
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  chars.forEach((ch, i) => {
    if (!/[\u4e00-\u9fff]/.test(ch)) return;
    const syllable = String(readings[i] ?? '').toLowerCase();
    if (!/^[a-z]+$/.test(syllable)) return;
    table[syllable] ??= '';
    if (!table[syllable].includes(ch)) table[syllable] += ch;
  });
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort().join('')]));
writeFileSync(join(root, 'runtime/web/src/pinyin-table.json'), `${JSON.stringify(sorted, null, 0).replace(/","/g, '",\n"')}\n`);
console.log(`${Object.keys(sorted).length} syllables, ${Object.values(sorted).join('').length} characters`);
