import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, parseCsvRecords, toCsv } from '../../engine/core/index.js';

describe('CSV parser (RFC 4180 as Excel writes it)', () => {
  it('splits records and fields, with or without a final line break', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b,c\r\n1,2,3')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('accepts LF and lone CR line ends as well as CRLF', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\r\n\r\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps empty fields, including leading and trailing ones', () => {
    expect(parseCsv(',a,,\r\n')).toEqual([['', 'a', '', '']]);
    expect(parseCsv('""\r\n')).toEqual([['']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '名称,说明\r\n"甲,乙","他说""好"""\r\n"多\r\n行",x\r\n';
    expect(parseCsv(text)).toEqual([['名称', '说明'], ['甲,乙', '他说"好"'], ['多\r\n行', 'x']]);
    expect(parseCsvRecords(text).map((r) => r.line)).toEqual([1, 2, 3]);
    expect(parseCsvRecords('a\r\n"x\r\ny"\r\nb\r\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('drops the UTF-8 BOM Excel writes, so the first header matches', () => {
    expect(parseCsv('\uFEFF序号,事项名称\r\n1,失业登记\r\n')).toEqual([['序号', '事项名称'], ['1', '失业登记']]);
    expect(parseCsv('\uFEFF"序号",x\r\n')[0]?.[0]).toBe('序号');
  });

  it('keeps a quote inside an unquoted field literally, as Excel does', () => {
    expect(parseCsv('5"寸照片,b\r\n')).toEqual([['5"寸照片', 'b']]);
  });

  it('names the line and column of an unterminated quote or text after a closing quote', () => {
    const unterminated = (() => {
      try {
        parseCsv('a,b\r\n1,"oops\r\n2,3\r\n');
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(unterminated).toBeInstanceOf(CsvSyntaxError);
    expect(unterminated).toMatchObject({ line: 2, column: 3, status: 400, code: 'malformed_csv' });
    expect(() => parseCsv('"ab"c,d\r\n')).toThrow(/第 1 行第 5 列/);
  });

  it('writes CSV that reads back the same, with a BOM and CRLF', () => {
    const rows = [['数源部门', '说明'], ['公安厅', '含,逗号'], ['x', '引号"和\n换行'], ['', ' 前后空格 ']];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF数源部门,说明\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
    expect(toCsv([['a', 1, null]], { bom: false })).toBe('a,1,\r\n');
  });
});
