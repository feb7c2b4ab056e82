import { spawn, type ChildProcess } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;

/** The words after `node` of a package script (`npm start`, `npm run start:runtime`): run with this node. */
export function scriptArgs(script: string): string[] {
  return script.split(' ').slice(1);
}

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * Spawns a built server from the checkout's root as its package script does and resolves once its
 * output matches `banner` (the URL is the banner's first group); rejects if it exits first or
 * says nothing within 30 s.
 */
export function startBuiltServer(args: readonly string[], env: NodeJS.ProcessEnv, banner: RegExp): Promise<BuiltServer> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = banner.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Resolves with the exit code once the process has exited. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}
