import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { uiText } from '../../engine/core/index.js';
import { answerLanguage } from '../../engine/http-kit/index.js';

/** Where `npm run build:designer-web` writes the visual designer. */
export const DESIGNER_WEB_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));
export const DESIGNER_WEB_PATH = '/designer';

/**
 * Serves the built visual designer (可视化设计器) at /designer/ with a single-page fallback, so that
 * /designer/items/<code> loads the app. Mounted before the API; it never answers under /api.
 */
export function mountDesignerWeb(app: Express, dir: string = DESIGNER_WEB_DIR): void {
  const index = join(dir, 'index.html');
  app.use(
    `${DESIGNER_WEB_PATH}/assets`,
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }) as never,
  );
  app.use(DESIGNER_WEB_PATH, express.static(dir, { index: false, redirect: false }) as never);
  app.use(DESIGNER_WEB_PATH, ((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === DESIGNER_WEB_PATH) return res.redirect(301, `${DESIGNER_WEB_PATH}/`);
    if (!existsSync(index)) {
      const language = answerLanguage(req, res);
      res.status(503).type('text/plain; charset=utf-8').send(uiText('server.designer.web.notBuilt', language));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  }) as never);
}
