import { BadRequestError, textValue } from '../errors.js';
import type { CatalogueKey } from '../i18n/catalogue/catalogue.js';

/** What is wrong with the CSV, as a catalogue sentence with plain values. */
interface CsvReason {
  key: CatalogueKey;
  values?: Record<string, string | number>;
}

/** One parsed record with the physical line it starts on (quoted fields may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The text is not CSV: an unterminated quote, or text after a closing quote. 400 `malformed_csv`. */
export class CsvSyntaxError extends BadRequestError {
  /** `reason`: what is wrong, without its place (rendered, like the whole message, in the caller's language). */
  constructor(readonly reason: CsvReason, readonly line: number, readonly column: number) {
    super({ key: 'core.csv.at', values: { line, column, message: textValue(reason.key, reason.values) } }, { line, column }, 'malformed_csv');
  }
}

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV as spreadsheets write it: comma-separated, fields optionally in double quotes, a
 * quote inside a quoted field doubled (""), quoted fields may hold commas and line breaks. Records
 * end with CRLF, LF or a lone CR. A leading UTF-8 BOM (Excel's "CSV UTF-8") is dropped, and so is
 * the empty record after a final line break. A quote inside an unquoted field is kept literally,
 * as Excel does; text after a closing quote, and a quote never closed, are errors.
 */
export function parseCsvRecords(input: string): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let column = 1;
  let recordLine = 1;
  let i = 0;
  /** True once the current record has any content (so a trailing line break adds no empty record). */
  let started = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    started = false;
  };
  const newline = (width: number) => {
    i += width;
    line += 1;
    column = 1;
  };

  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && atFieldStart(text, i)) {
      // A quoted field.
      const openLine = line;
      const openColumn = column;
      started = true;
      i += 1;
      column += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError({ key: 'core.csv.unclosedQuote' }, openLine, openColumn);
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            column += 2;
            continue;
          }
          i += 1;
          column += 1;
          break;
        }
        if (c === '\r' && text[i + 1] === '\n') {
          field += '\r\n';
          newline(2);
        } else if (c === '\r' || c === '\n') {
          field += c;
          newline(1);
        } else {
          field += c;
          i += 1;
          column += 1;
        }
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError({ key: 'core.csv.afterQuote', values: { next } }, line, column);
      }
      continue;
    }
    if (ch === ',') {
      started = true;
      endField();
      i += 1;
      column += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      const width = ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      newline(width);
      recordLine = line;
      continue;
    }
    started = true;
    field += ch;
    i += 1;
    column += 1;
  }
  if (started || field !== '' || fields.length > 0) endRecord();
  return records;
}

/** A quote opens a quoted field only at the very start of a field. */
function atFieldStart(text: string, i: number): boolean {
  const previous = i > 0 ? text[i - 1] : undefined;
  return previous === undefined || previous === ',' || previous === '\n' || previous === '\r';
}

/** The fields of each record (see parseCsvRecords). */
export function parseCsv(input: string): string[][] {
  return parseCsvRecords(input).map((r) => r.fields);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV text as Excel opens it correctly: a UTF-8 BOM (unless `bom: false`), CRLF line ends,
 * fields quoted when they hold a comma, quote, line break or edge whitespace.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map((v) => csvField(v === null || v === undefined ? '' : String(v))).join(',')).join('\r\n');
  return (options.bom === false ? '' : BOM) + body + '\r\n';
}
