import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { linesPerTurn } from './log-lines.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('lines written once per turn of the event loop', () => {
  it('writes the lines of one turn together, in order, at the turn\'s end', async () => {
    const writes: string[] = [];
    const sink = linesPerTurn((chunk) => writes.push(chunk));
    sink('a');
    sink('b');
    expect(writes).toEqual([]);
    await nextTurn();
    sink('c');
    await nextTurn();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('does not hold a long turn\'s lines past 64 KiB, and flush() writes what is pending', () => {
    const writes: string[] = [];
    const sink = linesPerTurn((chunk) => writes.push(chunk));
    const line = 'x'.repeat(1023);
    for (let i = 0; i < 64; i++) sink(line);
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n')).toHaveLength(65);
    sink('last');
    sink.flush();
    expect(writes[1]).toBe('last\n');
  });

  it('loses no line when the process exits, on an uncaught error or process.exit', () => {
    for (const ending of ['throw new Error("boom")', 'process.exit(3)']) {
      const script = `import { createLogger } from './engine/http-kit/request-log.ts';
        const logger = createLogger();
        logger.request('POST', '/api/x', 200, 1);
        logger.error('failing', { why: 'test' });
        ${ending};`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
      const lines = child.stdout.trim().split('\n').map((text) => JSON.parse(text) as { message: string });
      expect(lines.map((l) => l.message)).toEqual(['request', 'failing']);
      expect(child.status).not.toBe(0);
    }
  });
});
