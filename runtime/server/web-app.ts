import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { uiText } from '../../engine/core/index.js';
import { answerLanguage } from '../../engine/http-kit/index.js';

/** Where `npm run build:web` writes the window app. */
export const WINDOW_APP_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));
export const WINDOW_APP_PATH = '/window';

/**
 * Serves the built window app (窗口应用) at /window/ with a single-page fallback (so that
 * /window/150102 and /window/public/150102/<code> load the app) and redirects / to it.
 * Mounted before the API; it never answers under /api.
 */
export function mountWindowApp(app: Express, dir: string = WINDOW_APP_DIR): void {
  const index = join(dir, 'index.html');
  app.get('/', (_req, res) => res.redirect(302, `${WINDOW_APP_PATH}/`));
  app.use(
    `${WINDOW_APP_PATH}/assets`,
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }) as never,
  );
  app.use(WINDOW_APP_PATH, express.static(dir, { index: false, redirect: false }) as never);
  app.use(WINDOW_APP_PATH, ((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.originalUrl === WINDOW_APP_PATH) return res.redirect(301, `${WINDOW_APP_PATH}/`);
    if (!existsSync(index)) {
      const language = answerLanguage(req, res);
      res.status(503).type('text/plain; charset=utf-8').send(uiText('server.runtime.windowApp.notBuilt', language));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  }) as never);
}
