import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { MONGOLIAN_FONT_PATH } from '../../engine/core/index.js';

/**
 * The fonts both web apps, the guide page and the documents use, self-hosted (no outside fonts):
 * Noto Sans Mongolian from Debian's fonts-noto-core, with its OFL licence, in engine/web-kit/fonts/.
 */
export const FONT_DIR = fileURLToPath(new URL('../../engine/web-kit/fonts/', import.meta.url));
const FONT_FILE = MONGOLIAN_FONT_PATH.slice(MONGOLIAN_FONT_PATH.lastIndexOf('/') + 1);
const FONT_PREFIX = MONGOLIAN_FONT_PATH.slice(0, MONGOLIAN_FONT_PATH.lastIndexOf('/'));

/** Serves the fonts at /fonts/ (immutable; the file name changes with the font). */
export function mountFonts(app: Express): void {
  app.use(FONT_PREFIX, express.static(FONT_DIR, {
    immutable: true, maxAge: '365d', index: false, fallthrough: false,
    setHeaders: (res, path) => { if (path.endsWith('.ttf')) res.setHeader('Content-Type', 'font/ttf'); },
  }) as never);
}

let dataUrl: string | null = null;

/**
 * The font as a data: URL, for documents the window app shows through a blob: URL (a blob page
 * cannot resolve /fonts/…); read once.
 */
export function mongolianFontDataUrl(): string {
  dataUrl ??= `data:font/ttf;base64,${readFileSync(`${FONT_DIR}${FONT_FILE}`).toString('base64')}`;
  return dataUrl;
}
