import { type Clock, READERS, ROLES } from '../../engine/core/index.js';
import { createPrincipal, revokePrincipal } from '../../engine/services/index.js';
import { apiSchemas as s, personOf, personSchema, type ApiRoute } from '../../engine/http-kit/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { actorOf } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const principal = {
  type: 'object',
  required: ['id', 'name', 'role'],
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, role: { enum: [...ROLES] },
    department: { type: ['string', 'null'] }, division: { type: ['string', 'null'] },
    createdAt: { type: 'string' }, createdBy: { type: 'string' }, revokedAt: { type: ['string', 'null'] }, revokedBy: { type: ['string', 'null'] },
  },
};
const newPrincipal = {
  type: 'object',
  required: ['name', 'role'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' }, name: { type: 'string' }, role: { enum: [...ROLES] },
    department: { type: 'string', description: 'an author’s department (the implementing department named by the item standard)' },
    division: { type: 'string', description: 'an operator’s locality (GB/T 2260)' },
  },
};

/** Principals (accounts with bearer tokens): region administrators only; their names for every signed-in reader. */
export function accessRoutes({ store, clock }: { store: ConfigStore; clock: Clock }): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/people', summary: 'Every principal by id with name, role, department and division (never a token), so screens name people instead of ids', tags: ['access'], access: { roles: READERS },
      responses: { 200: { description: 'People', schema: { type: 'object', required: ['people'], properties: { people: { type: 'array', items: personSchema } } } } },
      handler: async (_req, res) => res.json({ people: (await store.listPrincipals()).map(personOf) }),
    },
    {
      method: 'get', path: '/api/principals', summary: 'List principals (never their tokens)', tags: ['access'], access: { roles: ['admin'] },
      responses: { 200: { description: 'Principals', schema: { type: 'object', properties: { principals: { type: 'array', items: principal } } } } },
      handler: async (_req, res) => res.json({ principals: (await store.listPrincipals()).map(({ tokenHash: _h, ...p }) => p) }),
    },
    {
      method: 'post', path: '/api/principals', summary: 'Create a principal; the response carries its token, shown only this once', tags: ['access'], access: { roles: ['admin'] },
      body: { schema: newPrincipal, required: true },
      responses: { 201: { description: 'Created', schema: { type: 'object', properties: { principal, token: { type: 'string' } } } }, 409: ERR, 422: ERR },
      handler: async (req, res) => {
        const created = await createPrincipal({ store, clock, input: req.body, actor: actorOf(req) });
        res.status(201).json(created);
      },
    },
    {
      method: 'delete', path: '/api/principals/:id', summary: 'Revoke a principal’s token, effective at once', tags: ['access'], access: { roles: ['admin'] },
      responses: { 200: { description: 'Revoked', schema: principal }, 403: { description: 'An administrator revoking itself', schema: s.error }, 404: ERR, 409: { description: 'The last active administrator', schema: s.error } },
      handler: async (req, res) => res.json(await revokePrincipal({ store, clock, id: req.params.id ?? '', actor: actorOf(req) })),
    },
  ];
}
