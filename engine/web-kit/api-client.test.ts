import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uiText, type Language } from '../core/index.js';
import { advice, ApiError, createApiClient, followReaderLanguage } from './index.js';

/** A real HTTP server that records the request headers and answers as the API's error handler does. */
let server: Server;
let base = '';
let seen: IncomingHttpHeaders = {};
beforeAll(async () => {
  server = createServer((req, res) => {
    seen = req.headers;
    if (req.url === '/plain') {
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('bad gateway');
      return;
    }
    const language: Language = req.headers['accept-language'] === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
    const message = uiText('server.http.noSuchEndpoint', language, { method: 'GET', path: req.url ?? '' });
    res.writeHead(404, { 'Content-Type': 'application/json', 'Content-Language': language, Vary: 'Accept-Language' });
    res.end(JSON.stringify({ error: { code: 'not_found', message, details: null } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => followReaderLanguage(() => 'zh-CN'));

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('the request succeeded'); }, (e: unknown) => e as ApiError);

describe('the API client asks for answers in the reader language', () => {
  it('sends Accept-Language: zh-CN by default and takes the Chinese message', async () => {
    const error = await failure(createApiClient().request(`${base}/api/x`, { token: null }));
    expect(seen['accept-language']).toBe('zh-CN');
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(uiText('server.http.noSuchEndpoint', 'zh-CN', { method: 'GET', path: '/api/x' }));
    expect(error.language).toBe('zh-CN');
  });

  it('sends Accept-Language: mn-Mong while the reader reads Mongolian, and marks the answer as Mongolian', async () => {
    let language: Language = 'mn-Mong';
    followReaderLanguage(() => language);
    const client = createApiClient();
    const error = await failure(client.request(`${base}/api/y`, { token: null }));
    expect(seen['accept-language']).toBe('mn-Mong');
    expect(error.message).toBe(uiText('server.http.noSuchEndpoint', 'mn-Mong', { method: 'GET', path: '/api/y' }));
    expect(error.language).toBe('mn-Mong');
    expect(error.code).toBe('not_found');
    // The switch is read on each request, not when the client was made.
    language = 'zh-CN';
    await failure(client.request(`${base}/api/y`, { token: null }));
    expect(seen['accept-language']).toBe('zh-CN');
  });

  it('says an answer without a message in the reader language itself', async () => {
    followReaderLanguage(() => 'mn-Mong');
    const error = await failure(createApiClient().request(`${base}/plain`, { token: null }));
    expect(error.status).toBe(502);
    expect(error.message).toBe(uiText('webkit.api.status', 'mn-Mong', { status: 502 }));
    expect(error.language).toBe('mn-Mong');
  });

  it('lets a request name its own Accept-Language', async () => {
    followReaderLanguage(() => 'mn-Mong');
    await failure(createApiClient().request(`${base}/api/z`, { token: null, headers: { 'Accept-Language': 'zh-CN' } }));
    expect(seen['accept-language']).toBe('zh-CN');
  });
});

describe('advice', () => {
  it('words the advice in the language of the server’s message, so a Mongolian message is never set in a Chinese sentence', () => {
    const mn = new ApiError(404, 'not_found', uiText('services.cases.progress.unknownCase', 'mn-Mong', { caseNumber: 'X' }), null, 'mn-Mong');
    expect(advice(mn)).toBe(uiText('webkit.advice.notFound', 'mn-Mong', { message: mn.message }));
    expect(advice(mn)).not.toMatch(/[\u4e00-\u9fff]/);
    const zh = new ApiError(404, 'not_found', '办件 X 不存在', null, 'zh-CN');
    expect(advice(zh)).toBe(uiText('webkit.advice.notFound', 'zh-CN', { message: '办件 X 不存在' }));
  });

  it('words a failure that is not an API answer in the reader’s language', () => {
    followReaderLanguage(() => 'mn-Mong');
    expect(advice(new Error('boom'))).toBe(uiText('webkit.advice.unknown', 'mn-Mong', { message: 'boom' }));
  });
});
