/** What a turn of the event loop may log before its lines are written without waiting for the turn's end. */
const MAX_PENDING_CHARS = 64 * 1024;

export interface LineSink {
  (line: string): void;
  /** Writes what is pending now. */
  flush(): void;
}

/**
 * Lines written together once per turn of the event loop: a runtime under load logs a dozen
 * requests a turn, and one write of all of them costs a fraction of a write per line (a stream
 * write and its system call per line cost a signed-in evaluation about 40 µs of CPU; batched, the
 * whole log line costs about 14).
 * Pending lines are written at the turn's end, past MAX_PENDING_CHARS, and when the process exits
 * (an uncaught error included); only a kill -9 can lose them, and then at most one turn's lines
 * (the decisions themselves are in the decision log, which does not buffer).
 */
export function linesPerTurn(out: (chunk: string) => void): LineSink {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    out(chunk);
  };
  const sink = ((line: string) => {
    pending += `${line}\n`;
    if (pending.length >= MAX_PENDING_CHARS) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }) as LineSink;
  sink.flush = flush;
  return sink;
}

let stdoutSink: LineSink | undefined;

/** The process's stdout as a LineSink: one for the process, flushed when it exits. */
export function stdoutLines(): LineSink {
  if (!stdoutSink) {
    const sink = linesPerTurn((chunk) => process.stdout.write(chunk));
    process.on('exit', () => sink.flush());
    stdoutSink = sink;
  }
  return stdoutSink;
}
