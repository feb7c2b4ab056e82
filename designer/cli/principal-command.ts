import { parseArgs } from 'node:util';
import { createPrincipal, generateBearerToken, revokePrincipal } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { renderTable } from './table.js';

export const PRINCIPAL_USAGE = `  principal add --role ROLE --name NAME [--id ID] [--department DEPT] [--division CODE]
      Create a principal (roles: admin, author, reviewer, operator, auditor, handler). NAME is the
      person's name (shown on case timelines and notices as 经办人). Its bearer token is printed
      once and never stored. An author needs --department, an operator --division, a handler
      (审批部门 staff) both, e.g. --department 新城区人力资源和社会保障局 --division 150102.
  principal revoke ID
      Revoke a principal's token at once.
  principal list
      List principals (never their tokens).
  token
      Print a fresh, well-formed token (e.g. for TONGBAN_ADMIN_TOKEN).
`;

export interface PrincipalIo {
  stdout: (text: string) => void;
  actor: string;
  withStore: <T>(work: (store: ConfigStore) => Promise<T>) => Promise<T>;
  usage: (message: string) => Error;
}

/** `principal add|revoke|list`: the administrator's account management from a terminal. */
export async function principalCommand(args: string[], io: PrincipalIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'add') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { role: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' }, department: { type: 'string' }, division: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw io.usage('principal add takes only options');
    const { principal, token } = await io.withStore((store) => createPrincipal({ store, input: { ...values, name: values.name ?? '' }, actor: io.actor}));
    io.stdout(`created ${principal.role} ${principal.id} (${principal.name}${principal.department ? `, ${principal.department}` : ''}${principal.division ? `, ${principal.division}` : ''})\n`);
    io.stdout(`token (shown only now): ${token}\n`);
    return 0;
  }
  if (sub === 'revoke') {
    if (rest.length !== 1) throw io.usage('principal revoke takes one id');
    const principal = await io.withStore((store) => revokePrincipal({ store, id: rest[0] as string, actor: io.actor}));
    io.stdout(`revoked ${principal.id} at ${principal.revokedAt}\n`);
    return 0;
  }
  if (sub === 'list') {
    const principals = await io.withStore((store) => store.listPrincipals());
    io.stdout(renderTable(['id', 'role', 'name', 'department / division', 'revoked'], principals.map((p) => [p.id, p.role, p.name, p.department ?? p.division ?? '', p.revokedAt ?? ''])) + '\n');
    return 0;
  }
  throw io.usage(`unknown principal subcommand "${sub ?? ''}"`);
}

export function tokenCommand(io: { stdout: (text: string) => void }): number {
  io.stdout(`${generateBearerToken()}\n`);
  return 0;
}
