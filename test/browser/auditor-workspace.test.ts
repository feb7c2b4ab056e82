// The auditor's workspace in the designer: the audit trail's verification with a tampered event's
// broken link highlighted, and a recorded decision replayed with the result side by side.

import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';

const CODE = 'AUD-1';

describeInChromium('auditor workspace', () => {
  let tamperedSeq = 0;
  const t = browserSuite({
    webApps: ['designer/web'],
    viewport: { width: 1366, height: 768 },
    seed: async (t) => {
      await publishThroughApi(t, itemConfig(CODE));
      await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator).send({});
      const evaluated = await request(t.app).post(`/api/runtime/150102/items/${CODE}/evaluate`).set(t.as.operator)
        .send({ scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'], date: '2025-06-01' });
      expect(evaluated.headers['x-tongban-decision-id']).toMatch(/^D/);
      // An intruder with access to the database file rewrites the reason of the draft.submitted event.
      const events = (await request(t.app).get(`/api/audit?code=${CODE}`).set(t.as.auditor)).body.events as { seq: number; action: string }[];
      tamperedSeq = events.find((e) => e.action === 'draft.submitted')?.seq ?? 0;
      const db = new Database(join(t.settings.dataDir, 'tongban.db'));
      db.exec('DROP TRIGGER audit_no_update');
      const row = db.prepare('SELECT event_json FROM audit_events WHERE seq = ?').get(tamperedSeq) as { event_json: string };
      db.prepare('UPDATE audit_events SET event_json = ? WHERE seq = ?').run(JSON.stringify({ ...JSON.parse(row.event_json), reason: '已被改动' }), tamperedSeq);
      db.close();
    },
  });

  it('shows the tampered event as the first broken link, names people, and replays a decision side by side', async () => {
    const { page, errors } = await t.open(`/designer/`);
    await page.getByLabel('访问令牌').fill(t.as.auditor.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('孙审计（审计人员');

    // The auditor's home is the workspace: the trail fails verification at the tampered event.
    const verification = page.getByTestId('audit-verification');
    await expect.poll(() => verification.getAttribute('data-ok'), { timeout: 15_000 }).toBe('false');
    expect(await verification.textContent()).toContain(`第一处断链在第 ${tamperedSeq} 条`);
    const broken = page.getByTestId('first-broken');
    expect(await broken.count()).toBe(1);
    expect(await broken.getAttribute('id')).toBe(`audit-${tamperedSeq}`);
    expect(await broken.getAttribute('class')).toContain('broken-link');
    expect(await broken.textContent()).toContain('断链');
    // People by name, not by id.
    expect(await broken.textContent()).toContain('张编制');
    expect(await page.locator('table.audit-trail').textContent()).not.toContain('author-zhang');
    // The highlighted row stands out (a red background), not only by its text.
    expect(await broken.locator('td').first().evaluate((cell) => getComputedStyle(cell).backgroundColor)).toBe('rgb(255, 227, 227)');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'auditor-01-broken-link.png'), fullPage: false });

    // Decisions: search by item and outcome, replay one, both results side by side.
    await page.getByRole('link', { name: '受理决定' }).click();
    await page.getByLabel('事项').selectOption(CODE);
    await page.getByLabel('受理地').selectOption({ label: '新城区' });
    await page.getByLabel('结果').selectOption('accept');
    await page.getByRole('button', { name: '查找' }).click();
    const rows = page.getByTestId('decision-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('新城区');
    // The decision names the person at the window.
    expect(await rows.first().textContent()).toContain('新城区窗口');
    await rows.first().getByRole('button', { name: '重放' }).click();
    const replay = page.getByTestId('replay-result');
    await expect.poll(() => replay.getByTestId('replay-identical').count(), { timeout: 10_000 }).toBe(1);
    const [recorded, replayed] = await replay.locator('.card').allTextContents();
    expect(recorded).toContain('记录的决定');
    expect(recorded).toContain('予以受理');
    expect(replayed).toContain('按原版本重放');
    expect(replayed).toContain('予以受理');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'auditor-02-replay.png'), fullPage: false });

    // The printable dossier of version 1 names its drafter and reviewer.
    await page.getByRole('link', { name: '版本档案' }).click();
    await page.getByLabel('事项').selectOption(CODE);
    const dossier = page.getByTestId('dossier');
    await expect.poll(() => dossier.textContent(), { timeout: 10_000 }).toContain('发布信息');
    const text = (await dossier.textContent()) ?? '';
    for (const expected of ['编制人张编制', '审核人李审核', '测试样例结果', '内容哈希']) expect(text, expected).toContain(expected);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'auditor-03-dossier-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });
});
