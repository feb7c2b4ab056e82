import type { Language } from '../vocabulary/index.js';

/**
 * The languages of users' screens and documents: Simplified Chinese first, traditional Mongolian
 * (ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ, written in vertical columns, left to right) second. The config's Chinese is the
 * source text; the other languages are translations of it.
 */
export const LANGUAGES = ['zh-CN', 'mn-Mong'] as const satisfies readonly Language[];

/** A language an item's texts are translated into (Chinese is what the config itself holds). */
export type TranslatedLanguage = Exclude<Language, 'zh-CN'>;

export const MONGOLIAN: TranslatedLanguage = 'mn-Mong';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The font every page and document names for traditional Mongolian, self-hosted from Debian's
 * fonts-noto-core (engine/web-kit/fonts/, no outside fonts): served at MONGOLIAN_FONT_PATH by both servers.
 */
export const MONGOLIAN_FONT_FAMILY = 'Tongban Mongolian';
export const MONGOLIAN_FONT_PATH = '/fonts/NotoSansMongolian-Regular.ttf';

/** The CSS of a block of traditional Mongolian: vertical columns, left to right, in the self-hosted font. */
export const MONGOLIAN_BLOCK_CSS = `writing-mode:vertical-lr;font-family:"${MONGOLIAN_FONT_FAMILY}","Noto Sans Mongolian","Mongolian Baiti",sans-serif`;

/**
 * The @font-face rule of the self-hosted copy of Noto Sans Mongolian, under a family name of its
 * own so that a page never silently uses whatever the machine has installed under the same name.
 */
export function mongolianFontFace(src: string = MONGOLIAN_FONT_PATH): string {
  return `@font-face{font-family:"${MONGOLIAN_FONT_FAMILY}";src:url(${src}) format("truetype");font-display:block}`;
}
