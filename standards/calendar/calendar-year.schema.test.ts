import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import schema from './calendar-year.schema.json' with { type: 'json' };

const folder = new URL('./', import.meta.url);
const yearFiles = readdirSync(folder).filter((name) => /^\d{4}\.json$/.test(name)).sort();

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}

describe('standards/calendar: one file a year, valid against calendar-year.schema.json', () => {
  it('holds 2024, 2025 and 2026', () => {
    expect(yearFiles).toEqual(['2024.json', '2025.json', '2026.json']);
  });

  it.each(yearFiles)('%s conforms to the schema and names its own year', (name) => {
    const data = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as { year: number; $schema: string };
    const validate = validator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(`${data.year}.json`).toBe(name);
    expect(data.$schema).toBe('./calendar-year.schema.json');
  });

  it('refuses a year without its notice, a bad date and unknown fields', () => {
    const validate = validator();
    expect(validate({ year: 2027, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] })).toBe(false);
    expect(validate.errors?.[0]?.params).toEqual({ missingProperty: 'notice' });
    const notice = { issuer: '国务院办公厅', title: 't', documentNumber: 'n', published: '2026-11-01' };
    expect(validate({ year: 2027, notice, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-1-1'], makeUpWorkdays: [] }] })).toBe(false);
    expect(validate({ year: 2027, notice, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [], note: 'x' }] })).toBe(false);
  });
});
