import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueProblem, ValidationFailedError } from '../core/errors.js';

const MIN_KEY_BYTES = 32;

/**
 * A secret key of the installation: from the environment variable `variable` (base64, at least 32
 * bytes), else made once in `<dataDir>/<fileName>` (mode 0600) and read from there afterwards —
 * enough for a single installation; processes sharing a store must share the variable.
 */
export function loadInstallationKey({ dataDir, env, variable, fileName }: { dataDir: string; env: NodeJS.ProcessEnv; variable: string; fileName: string }): Uint8Array {
  const configured = env[variable];
  if (configured !== undefined && configured !== '') {
    const key = Buffer.from(configured, 'base64');
    if (key.length < MIN_KEY_BYTES) {
      throw new ValidationFailedError({ key: 'stores.keys.invalid', values: { source: variable } }, [
        catalogueProblem('', 'config.key', { key: 'stores.keys.invalidInstallationKey', values: { source: variable, bytes: MIN_KEY_BYTES } }),
      ]);
    }
    return key;
  }
  const file = join(dataDir, fileName);
  const read = () => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (existsSync(file)) return read();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(MIN_KEY_BYTES);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process of this installation made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw error;
  }
  chmodSync(file, 0o600);
  return key;
}
