import { type Clock, BadRequestError } from '../../engine/core/index.js';
import { apiSchemas as s, PayloadTooLargeError, type ApiRoute, type RawBodyRoute } from '../../engine/http-kit/index.js';
import { TEMPLATE_FILE_LIMIT, uploadTemplateFile } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { actorOf } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const UPLOAD_PATH = '/api/templates';
const ref = { type: 'object', required: ['hash', 'name', 'type', 'size'], properties: { hash: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' }, stored: { type: 'boolean' } } };

/** The template upload reads its body as raw bytes, at most TEMPLATE_FILE_LIMIT. */
export const templateUpload: RawBodyRoute = {
  path: UPLOAD_PATH,
  limit: TEMPLATE_FILE_LIMIT,
  tooLarge: (size) => new PayloadTooLargeError({ key: 'server.designer.templates.tooLarge', values: { limit: TEMPLATE_FILE_LIMIT } }, { limit: TEMPLATE_FILE_LIMIT, ...(size === null ? {} : { size }) }),
};

/**
 * Material templates as files: authors upload (content-addressed, the reference goes into the
 * material template of the draft). The download by hash is the runtime's route
 * (templateDownloadRoutes), served here over the store when no runtime is embedded.
 */
export function templateRoutes({ store, clock }: { store: ConfigStore; clock: Clock }): ApiRoute[] {
  return [
    {
      method: 'post', path: UPLOAD_PATH, tags: ['templates'], access: { roles: ['admin', 'author'] },
      summary: 'Upload a material template file: the raw bytes as the body (PDF, Word, Excel, WPS, JPEG or PNG; at most 2 MB), the name URI-encoded in X-Filename; answers the { hash, name } reference for the material template',
      headers: [{ name: 'X-Filename', description: 'the file name, URI-encoded (encodeURIComponent)', required: true }, { name: 'Content-Type', description: 'the file type', required: true }],
      responses: { 201: { description: 'Stored (or already stored: the same content)', schema: ref }, 400: ERR, 413: ERR },
      handler: async (req, res) => {
        const content = req.body;
        if (!(content instanceof Uint8Array)) throw new BadRequestError({ key: 'server.designer.templates.rawBody' }, { body: 'raw' }, 'bad_template_file');
        let name = '';
        try {
          name = decodeURIComponent(String(req.headers['x-filename'] ?? ''));
        } catch {
          throw new BadRequestError({ key: 'server.designer.templates.badFilename' }, { header: 'X-Filename' }, 'bad_template_file');
        }
        const stored = await uploadTemplateFile({ store, clock, content: new Uint8Array(content), type: String(req.headers['content-type'] ?? ''), name, actor: actorOf(req) });
        res.status(201).json(stored);
      },
    },
  ];
}
