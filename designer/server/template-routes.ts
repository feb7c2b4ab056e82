import { type Clock, BadRequestError } from '../../engine/core/index.js';
import { apiSchemas as s, PayloadTooLargeError, type ApiRoute, type RawBodyRoute } from '../../engine/http-kit/index.js';
import { TEMPLATE_FILE_LIMIT, templateFileOf, uploadTemplateFile } from '../../engine/services/index.js';
import type { ConfigReader, ConfigStore } from '../../engine/ports/index.js';
import { actorOf } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const UPLOAD_PATH = '/api/templates';
const ref = { type: 'object', required: ['hash', 'name', 'type', 'size'], properties: { hash: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer' }, stored: { type: 'boolean' } } };

/** The template upload reads its body as raw bytes, at most TEMPLATE_FILE_LIMIT. */
export const templateUpload: RawBodyRoute = {
  path: UPLOAD_PATH,
  limit: TEMPLATE_FILE_LIMIT,
  tooLarge: (size) => new PayloadTooLargeError(`模板文件过大（上限 ${TEMPLATE_FILE_LIMIT} 字节）`, { limit: TEMPLATE_FILE_LIMIT, ...(size === null ? {} : { size }) }),
};

/**
 * Material templates as files: authors upload (content-addressed, the reference goes into the
 * material template of the draft), and anyone downloads from the guide by hash through the
 * read-only reader (the runtime's view of the store).
 */
export function templateRoutes({ store, reader, clock }: { store: ConfigStore; reader: Pick<ConfigReader, 'getTemplateFile'>; clock: Clock }): ApiRoute[] {
  return [
    {
      method: 'post', path: UPLOAD_PATH, tags: ['templates'], access: { roles: ['admin', 'author'] },
      summary: 'Upload a material template file: the raw bytes as the body (PDF, Word, Excel, WPS, JPEG or PNG; at most 2 MB), the name URI-encoded in X-Filename; answers the { hash, name } reference for the material template',
      headers: [{ name: 'X-Filename', description: 'the file name, URI-encoded (encodeURIComponent)', required: true }, { name: 'Content-Type', description: 'the file type', required: true }],
      responses: { 201: { description: 'Stored (or already stored: the same content)', schema: ref }, 400: ERR, 413: ERR },
      handler: async (req, res) => {
        const content = req.body;
        if (!(content instanceof Uint8Array)) throw new BadRequestError('请求体应为模板文件的原始字节', { body: 'raw' }, 'bad_template_file');
        let name = '';
        try {
          name = decodeURIComponent(String(req.headers['x-filename'] ?? ''));
        } catch {
          throw new BadRequestError('X-Filename 应为 encodeURIComponent 编码的文件名', { header: 'X-Filename' }, 'bad_template_file');
        }
        const stored = await uploadTemplateFile({ store, clock, content: new Uint8Array(content), type: String(req.headers['content-type'] ?? ''), name, actor: actorOf(req) });
        res.status(201).json(stored);
      },
    },
    {
      method: 'get', path: '/api/templates/:hash', tags: ['templates'], access: { public: true },
      summary: 'Download a material template file by its content hash (the guide links here); served read-only',
      query: [{ name: 'name', description: 'the file name to save as (the material template’s file name)', schema: { type: 'string' } }],
      responses: { 200: { description: 'The file' }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const file = await templateFileOf({ store: reader, hash: req.params.hash ?? '' });
        const name = typeof req.query.name === 'string' && req.query.name.length <= 200 ? req.query.name : 'template';
        res.setHeader('Content-Type', file.type);
        res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.status(200).send(Buffer.from(file.content));
      },
    },
  ];
}
