import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { validateConfig, type ItemConfig, runExamples } from '../../engine/core/index.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const items = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, config: JSON.parse(readFileSync(join(dir, file), 'utf8')) as ItemConfig }));

describe('sample item catalogue', () => {
  it('ships at least 12 items from at least 6 region departments', () => {
    expect(items.length).toBeGreaterThanOrEqual(12);
    const departments = new Set(items.map(({ config }) => config.standard.department.name));
    expect(departments.size).toBeGreaterThanOrEqual(6);
    for (const name of departments) expect(name).toMatch(/^内蒙古自治区.+(厅|局)$/);
  });

  it('routes exactly one item, 无犯罪记录证明, to police stations', () => {
    const police = items.filter(({ config }) => config.standard.channel === 'police-station');
    expect(police.map(({ config }) => config.standard.name)).toEqual(['无犯罪记录证明']);
    const others = items.filter(({ config }) => config.standard.channel !== 'police-station');
    for (const { config } of others) expect(config.standard.channel).toBe('comprehensive-window');
  });

  it('gives every item a unique SAMPLE- code and marks it as a sample, not an official item', () => {
    const codes = items.map(({ config }) => config.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { config } of items) {
      expect(config.code).toMatch(/^SAMPLE-[A-Z]+-\d{4}$/);
      expect(config.standard.code).toBe(config.code);
      expect(config.meta?.sample).toBe(true);
      expect(config.meta?.note).toMatch(/^样例事项：.*并非自治区正式清单内容。$/);
    }
  });
});

describe.each(items)('$file', ({ config }) => {
  it('is a valid item config', () => {
    expect(validateConfig(config)).toEqual([]);
  });

  it('passes every worked example', async () => {
    const report = await runExamples(config);
    const failures = report.results.filter((r) => !r.passed).map((r) => ({ example: r.name, differences: r.differences }));
    expect(failures).toEqual([]);
    expect(report.passed).toBe(config.examples.length);
  });

  it('has dated examples covering accept, supplement and reject (and redirect for the police item)', () => {
    expect(config.examples.length).toBeGreaterThanOrEqual(3);
    for (const example of config.examples) expect(example.input.date, example.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const outcomes = new Set(config.examples.map((e) => e.expect.outcome));
    const wanted = config.standard.channel === 'police-station' ? ['accept', 'supplement', 'reject', 'redirect'] : ['accept', 'supplement', 'reject'];
    for (const outcome of wanted) expect(outcomes, outcome).toContain(outcome);
    for (const example of config.examples.filter((e) => e.expect.outcome === 'supplement' || e.expect.outcome === 'accept')) {
      expect(example.expect.missingMaterials, example.name).toBeDefined();
    }
  });

  it('has at least two scenarios and a reject rule with a legal basis', () => {
    expect(config.standard.scenarios.length).toBeGreaterThanOrEqual(2);
    const rejects = config.rules.filter((rule) => rule.event.type === 'reject');
    expect(rejects.length).toBeGreaterThanOrEqual(1);
    for (const rule of rejects) expect(rule.event.type === 'reject' && rule.event.params.basis, rule.name).toBeTruthy();
  });
});

describe('容缺受理 in the sample catalogue', () => {
  const allowing = items.filter(({ config }) => config.standard.deferredAcceptance?.allowed === true);

  it('lets 失业登记 accept on commitment, for its 容缺后补 解除劳动关系证明', () => {
    expect(allowing.map(({ config }) => config.standard.name)).toContain('失业登记');
  });

  it.each(allowing)('$file has an example for each case: granted, refused for a 失信 applicant, refused for a missing material that may not follow', async ({ config }) => {
    const report = await runExamples(config);
    const deferrable = new Set(config.standard.materials.filter((m) => m.necessity.code === '3').map((m) => m.id));
    const granted = config.examples.filter((e) => e.expect.outcome === 'accept-on-commitment');
    expect(granted.length).toBeGreaterThanOrEqual(1);
    for (const e of granted) expect(e.expect.missingMaterials?.every((id) => deferrable.has(id)), e.name).toBe(true);
    const credit = config.examples.filter((e) => e.input.creditBlacklisted === true);
    expect(credit.map((e) => e.expect.outcome)).toContain('supplement');
    const mixed = config.examples.filter((e) => e.expect.outcome === 'supplement' && e.expect.missingMaterials?.some((id) => deferrable.has(id)) && e.expect.missingMaterials.some((id) => !deferrable.has(id)));
    expect(mixed.length).toBeGreaterThanOrEqual(1);
    expect(report.results.every((r) => r.passed)).toBe(true);
  });
});
