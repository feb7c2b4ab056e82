/**
 * The stores' own refusals (here: a service station registered twice, refused by the store's unique
 * key) speak the caller's language: Accept-Language: mn-Mong gets the catalogue's Mongolian, any other
 * the Chinese source, with the same code and details. Real designer app over a real store, each adapter.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

const MONGOLIAN = /[\u1800-\u18AF]/;

export function describeStoreErrorsLanguage(adapter: string, open: InstallationFactory): void {
  describe(`store refusals in the caller's language (${adapter})`, () => {
    let t: TestInstallation;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => t.close());

    it('refuses a second station with the same code in Mongolian for mn-Mong, in Chinese otherwise', async () => {
      const station = { code: '150102005', name: '测试服务站' };
      expect((await request(t.app).post('/api/divisions/stations').set(t.as.admin).send(station)).status).toBe(201);
      const mn = await request(t.app).post('/api/divisions/stations').set(t.as.admin).set('Accept-Language', 'mn-Mong').send(station);
      const zh = await request(t.app).post('/api/divisions/stations').set(t.as.admin).send(station);
      expect(mn.status).toBe(409);
      expect(mn.body.error.message).toBe(uiText('stores.configStore.stationExists', 'mn-Mong', { code: '150102005' }));
      expect(mn.body.error.message).toMatch(MONGOLIAN);
      expect(mn.headers['content-language']).toBe('mn-Mong');
      expect(zh.status).toBe(409);
      expect(zh.body.error.message).toBe('服务站 150102005 已存在');
      expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
    });
  });
}
