import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createLogger, requestLog } from './request-log.js';
import { parseJsonText } from './json-body.js';

function respond(url: string, status: number): string[] {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line));
  const req = { method: 'GET', url };
  const res = Object.assign(new EventEmitter(), { statusCode: status, req });
  requestLog(logger)(req as never, res as never, () => undefined);
  res.emit('finish');
  return lines;
}

describe('request log', () => {
  it('writes the same line info() writes: method, path without query, status, ms', () => {
    const [line] = respond('/api/runtime/150102/items/SAMPLE-MZ-0001/evaluate?explain=full', 200);
    const parsed = JSON.parse(line!) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['time', 'level', 'message', 'method', 'path', 'status', 'ms']);
    expect(parsed).toMatchObject({ level: 'info', message: 'request', method: 'GET', path: '/api/runtime/150102/items/SAMPLE-MZ-0001/evaluate', status: 200 });
    expect(typeof parsed.ms).toBe('number');
  });

  it('masks an ID number or a mobile in the path, every time (a masked path is never remembered as clean)', () => {
    for (let i = 0; i < 2; i++) {
      const [line] = respond('/api/runtime/150102/intakes/by-applicant/11010519491231002X?x=13912345678', 404);
      expect(line).not.toContain('11010519491231002X');
      expect(JSON.parse(line!).path).toMatch(/^\/api\/runtime\/150102\/intakes\/by-applicant\/1101\*+/);
    }
  });

  it('writes nothing below its level', () => {
    const lines: string[] = [];
    createLogger((line) => lines.push(line), 'warn').request?.('GET', '/api/health', 200, 1);
    expect(lines).toEqual([]);
  });
});

describe('JSON body parsing without a reviver', () => {
  it('still refuses prototype keys at any depth, overflowing numbers and overlong strings and keys', () => {
    expect(() => parseJsonText('{"a":[{"b":{"__proto__":{"x":1}}}]}')).toThrow(/__proto__/);
    expect(() => parseJsonText('{"constructor":{"prototype":1}}')).toThrow(/不允许的键/);
    expect(() => parseJsonText('{"a":[1,1e400]}')).toThrow(/超出可表示的范围/);
    expect(() => parseJsonText(JSON.stringify({ a: 'x'.repeat(11) }), { maxStringLength: 10 })).toThrow(/超过 10 个字符/);
    expect(() => parseJsonText(JSON.stringify({ ['k'.repeat(11)]: 1 }), { maxStringLength: 10 })).toThrow(/超过 10 个字符/);
    expect(parseJsonText('{"a":[1,"x",{"b":null}]}', { maxStringLength: 10 })).toEqual({ a: [1, 'x', { b: null }] });
  });

  it('takes a deeply nested body without overflowing the stack', () => {
    const depth = 200_000;
    expect(() => parseJsonText(`${'['.repeat(depth)}${']'.repeat(depth)}`)).not.toThrow();
  });
});
