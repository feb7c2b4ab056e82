// 办理地点、办理时间、咨询电话 and 监督投诉电话 are local fields of every item, whatever its standard
// lists: a claim sets them, the guide shows them, and phones are checked as phones.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const CODE = 'RT-LOCAL-1';

/** The suite on any store adapter (run by local-fields-every-item.sqlite.test.ts and .mongodb.test.ts). */
export function describeLocalFieldsForEveryItem(name: string, open: InstallationFactory): void {
  describe(`local fields available to every item on ${name}`, () => {
    let t: TestInstallation;

    beforeAll(async () => {
      t = await open();
      const config = itemConfig(CODE, '失业登记（无属地字段）');
      config.standard.localFields = [];
      await publishThroughApi(t, config);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('lets an operator set all four on an item whose standard lists none, and the guide shows them', async () => {
      const local = { windowAddress: '新城区政务服务中心一楼 8 号窗口', openingHours: '工作日 9:00–17:00', consultPhone: '0471-6661234', complaintPhone: '12345' };
      const put = await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator).send({ follow: 'latest', local });
      expect(put.status).toBe(200);
      expect(put.body.local).toEqual(local);
      const guide = await request(t.app).get(`/api/runtime/150102/items/${CODE}/guide`);
      expect(guide.status).toBe(200);
      const section = (guide.body.sections as { key: string; items: Record<string, string>[] }[]).find((s) => s.key === 'local');
      expect(section?.items).toEqual([{ 办理地点: local.windowAddress }, { 办理时间: local.openingHours }, { 咨询电话: local.consultPhone }, { 监督投诉电话: local.complaintPhone }]);
    });

    it('refuses a phone that is no phone, naming each field in Chinese, and keeps what was saved', async () => {
      const put = await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator)
        .send({ follow: 'latest', local: { consultPhone: '请拨打前台', complaintPhone: 'abc', windowName: '8 号窗口' } });
      expect(put.status).toBe(422);
      const problems = put.body.error.details.problems as { pointer: string; code: string; message: string }[];
      expect(problems.map((p) => [p.pointer, p.code])).toEqual([
        ['/local/consultPhone', 'claim.phone'],
        ['/local/complaintPhone', 'claim.phone'],
        ['/local/windowName', 'claim.not-local'],
      ]);
      expect(problems[1]?.message).toContain('监督投诉电话');
      const claims = await request(t.app).get('/api/localities/150102/claims').set(t.as.operator);
      expect(claims.body.claims.find((c: { code: string }) => c.code === CODE).local.consultPhone).toBe('0471-6661234');
    });

    it('accepts mobiles, hotlines and several numbers', async () => {
      for (const phone of ['13800138000', '0471-1234567、0471-7654321', '12345-1', '400-123-4567']) {
        const put = await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator).send({ follow: 'latest', local: { consultPhone: phone } });
        expect(put.status, phone).toBe(200);
      }
    });
  });
}
