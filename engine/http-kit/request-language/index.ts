import type { IncomingMessage, ServerResponse } from 'node:http';
import Negotiator from 'negotiator';
import { LANGUAGES } from '../../core/i18n/index.js';
import type { Language } from '../../core/vocabulary/index.js';
import { vary } from '../compression/index.js';

/**
 * The language a caller reads, from Accept-Language: traditional Mongolian when the caller prefers it
 * (`mn-Mong`, or plain `mn`, which in this region is written in the traditional script), Chinese otherwise
 * — the source language, and the answer when the header is absent or names neither.
 */
export function requestLanguage(req: IncomingMessage): Language {
  const header = req.headers['accept-language'];
  if (header === undefined || header === '') return 'zh-CN';
  const chosen = new Negotiator(req).language([...LANGUAGES]);
  return chosen === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
}

/**
 * The language an answer to `req` is written in (requestLanguage), declared on `res`: Content-Language,
 * and Vary: Accept-Language, since the same URL answers differently per reader.
 */
export function answerLanguage(req: IncomingMessage, res: ServerResponse): Language {
  const language = requestLanguage(req);
  res.setHeader('Content-Language', language);
  vary(res, 'Accept-Language');
  return language;
}
