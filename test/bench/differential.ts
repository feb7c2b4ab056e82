/**
 * The full differential corpus: ≥ 100,000 generated applications over every sample item, the
 * fixture, the bench's 30-field / 20-rule item and 30 synthetic items with nested facts, each
 * decided by the compiled evaluator and by the json-rules-engine reference; any decision that is
 * not byte-identical is a mismatch. `npx tsx test/bench/differential.ts [cases] [seed]`; exits 1
 * on a mismatch. `npm test` runs a reduced corpus (engine/core/rules/compiled-rules.test.ts).
 */
import { pathToFileURL } from 'node:url';
import { corpusItems, runCorpus, type CorpusCounts } from '../support/rule-corpus.js';

export async function differential(totalCases = 100_000, seed = 1): Promise<{ lines: string[]; counts: CorpusCounts }> {
  const items = corpusItems(30);
  const perItem = Math.ceil(totalCases / items.length);
  const start = performance.now();
  const counts = await runCorpus(items, perItem, seed);
  const seconds = (performance.now() - start) / 1000;
  const lines = [
    `${counts.cases} applications over ${counts.items} items (seed ${seed}, ${perItem} per item) in ${seconds.toFixed(1)} s.`,
    '',
    '| outcome | decisions |',
    '|---|---:|',
    ...Object.entries(counts.outcomes).map(([outcome, n]) => `| ${outcome} | ${n} |`),
    '',
    `Fired rules: ${counts.fired}; undecidable rules: ${counts.undecidable}; refused requests: ${counts.refused}.`,
    `Mismatches (compiled vs json-rules-engine reference, whole decision byte for byte): ${counts.mismatchCount}.`,
    ...counts.mismatches.map((m) => `- ${m.item} (${m.what}): input ${JSON.stringify(m.case)}\n  compiled  ${JSON.stringify(m.compiled)}\n  reference ${JSON.stringify(m.reference)}`),
  ];
  return { lines, counts };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { lines, counts } = await differential(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 1));
  console.log(lines.join('\n'));
  if (counts.mismatchCount > 0) process.exitCode = 1;
}
