import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock, type Clock, type TrustedKey } from '../../engine/core/index.js';
import { verifyBundle } from '../../engine/services/index.js';
import { parseJsonText } from '../../engine/http-kit/index.js';
import { rotateDataKey, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { loadTrustedKeys, readTrustedKeysFile, writeNewKeyPair } from '../../engine/adapters/key-files/index.js';

export const KEY_USAGE = `  key init [--out DIR]
      Create the region's Ed25519 publishing key pair in DIR (default ./keys): signing-key.json
      (the private key, mode 0600 — keep it offline-backed-up, never in a store) and
      public-key.json; prints the trusted-key entry to add to the TONGBAN_TRUSTED_KEYS list.
  verify FILE [--key FILE]
      Check every version of a bundle offline (no server, no network): its content hash and its
      signature by a trusted key valid at its publication. --key: a trusted-keys list or a
      public-key.json (default TONGBAN_TRUSTED_KEYS, else <data>/keys/trusted-keys.json).
      Exit 0 when all are good, 1 naming the first bad version.
  key rotate-data [--reencrypt]
      Rotate the data key that encrypts ID numbers and mobiles at rest: a new key becomes the
      first line of <data>/data.key (the old ones stay below it, for reading), then every value
      in the decision log and the intake store (SQLite or MongoDB) is re-encrypted with it. Stop
      the servers first and start them after. Killed part-way, run it again: it finishes the same
      rotation. With TONGBAN_DATA_KEY set, put a new key first in that list yourself (keep the old
      ones after it), restart, and run with --reencrypt, which only re-encrypts with the first key.
`;

export interface KeyCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  clock?: Clock;
  usage: (message: string) => Error;
}

export function keyCommand(args: string[], io: KeyCommandIo): number | Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'rotate-data') return rotateDataCommand(rest, io);
  if (sub !== 'init') throw io.usage(sub === undefined ? 'key needs a subcommand: init, rotate-data' : `unknown key subcommand "${sub}"`);
  const { values, positionals } = parseArgs({ args: rest, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw io.usage(`key init takes no arguments besides --out, got "${positionals.join(' ')}"`);
  const dir = resolve(io.cwd, values.out ?? 'keys');
  const written = writeNewKeyPair(dir, (io.clock ?? systemClock)().toISOString());
  io.stdout(JSON.stringify(written.entry, null, 2) + '\n');
  io.stderr(
    [
      `private key: ${written.privateKeyFile} (mode 0600; set TONGBAN_SIGNING_KEY_FILE to it on the publishing designer only)`,
      `public key:  ${written.publicKeyFile}`,
      'Add the entry above to the trusted-keys list (TONGBAN_TRUSTED_KEYS) of the designer and of every runtime.',
      '',
    ].join('\n'),
  );
  return 0;
}

async function rotateDataCommand(args: string[], io: KeyCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { reencrypt: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw io.usage(`key rotate-data takes no arguments besides --reencrypt, got "${positionals.join(' ')}"`);
  const settings = storeSettingsFromEnv(io.env);
  const rotation = await rotateDataKey(settings, { env: io.env, reencryptOnly: values.reencrypt ?? false });
  io.stdout(JSON.stringify(rotation, null, 2) + '\n');
  io.stderr(
    [
      rotation.created ? `new data key ${rotation.keyId} written first in ${settings.dataDir}/data.key (mode 0600); the old keys stay below it for reading` : `data key ${rotation.keyId}: every value re-encrypted with it`,
      `decision log: ${rotation.decisions.reencrypted} of ${rotation.decisions.scanned} records re-encrypted; intake store: ${rotation.intakes.reencrypted} of ${rotation.intakes.scanned}`,
      'Back up the new key file with the stores; start the servers again.',
      '',
    ].join('\n'),
  );
  return 0;
}

function trustedKeysFor(keyFile: string | undefined, io: KeyCommandIo): { keys: TrustedKey[]; from: string } {
  if (keyFile) {
    const file = resolve(io.cwd, keyFile);
    return { keys: readTrustedKeysFile(file), from: file };
  }
  const { trustedKeys, file } = loadTrustedKeys({ env: io.env, dataDir: storeSettingsFromEnv(io.env).dataDir });
  if (!file) throw io.usage('verify needs the trusted public keys: --key FILE, or TONGBAN_TRUSTED_KEYS');
  return { keys: trustedKeys, from: file };
}

export function verifyCommand(args: string[], io: KeyCommandIo): number {
  const { values, positionals } = parseArgs({ args, options: { key: { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw io.usage('verify takes exactly one FILE');
  const file = resolve(io.cwd, positionals[0] as string);
  const { keys, from } = trustedKeysFor(values.key, io);
  io.stderr(`trusted keys: ${keys.map((k) => k.keyId).join(', ') || '(none)'} from ${from}\n`);
  const result = verifyBundle(parseJsonText(readFileSync(file, 'utf8')), keys);
  if (result.firstBad) {
    const bad = result.firstBad;
    io.stdout(`FAIL ${bad.code} v${bad.version} ${bad.reason}: ${bad.message}\n`);
    return 1;
  }
  io.stdout(`OK ${result.total} versions verified (content hash and signature of a trusted key)\n`);
  return 0;
}
