// Generates runtime/web/src/pinyin-table.json: the toneless pinyin of every GB 2312 character (its
// common reading, so an item added later is found by full pinyin too), and of every character
// in the sample catalogue's item names, aliases and departments read in the context of its word
// (银行 háng, 执行 xíng). pinyin-pro (MIT) is needed only here, never at run time:
//   npm install --no-save pinyin-pro && node runtime/scripts/generate-pinyin-table.mjs
// (or PINYIN_PRO_FROM=/path/to/a/package.json where pinyin-pro is installed).
// The window app matches a character the table lacks by its initial alone (pinyin collation).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
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
const add = (syllable, ch) => {
  if (!/^[a-z]+$/.test(syllable)) return;
  table[syllable] ??= '';
  if (!table[syllable].includes(ch)) table[syllable] += ch;
};
// GB 2312's hanzi: rows 0xB0–0xF7, cells 0xA1–0xFE (row 0xD7 ends at 0xF9).
const gb2312 = new TextDecoder('gbk');
for (let row = 0xb0; row <= 0xf7; row++) {
  for (let cell = 0xa1; cell <= 0xfe; cell++) {
    if (row === 0xd7 && cell > 0xf9) continue;
    const ch = gb2312.decode(new Uint8Array([row, cell]));
    if (!/^[\u4e00-\u9fff]$/.test(ch)) continue;
    add(String(pinyin(ch, { toneType: 'none', v: true })).toLowerCase(), ch);
  }
}
for (const text of texts) {
  const chars = [...text];
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  chars.forEach((ch, i) => {
    if (!/[\u4e00-\u9fff]/.test(ch)) return;
    add(String(readings[i] ?? '').toLowerCase(), ch);
  });
}
const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort().join('')]));
writeFileSync(join(root, 'runtime/web/src/pinyin-table.json'), `${JSON.stringify(sorted, null, 0).replace(/","/g, '",\n"')}\n`);
console.log(`${Object.keys(sorted).length} syllables, ${Object.values(sorted).join('').length} characters`);
