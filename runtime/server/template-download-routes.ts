import { apiSchemas as s, type ApiRoute } from '../../engine/http-kit/index.js';
import { templateFileOf } from '../../engine/services/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';

const ERR = { description: 'Error', schema: s.error };

/**
 * The guide's 下载模板 links point here: a material template's file by its content hash, from the
 * read-only reader. The runtime serves it (stand-alone or embedded in the region's process), so a
 * guide printed by any runtime has working links.
 */
export function templateDownloadRoutes({ reader }: { reader: Pick<ConfigReader, 'getTemplateFile'> }): ApiRoute[] {
  return [
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
