import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../engine/core/index.js';
import { createPrincipal, seedEmptyStore } from '../../engine/services/index.js';
import { chineseDate } from '../../runtime/server/notice-documents.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

/** 食品经营许可 (行政许可, 5 个工作日): an enterprise applicant. The applications below are shared with the PDF test. */
export const FOOD = 'SAMPLE-SJ-0002';
/** 失业登记 (公共服务, 即办件): a natural person. */
export const UNEMPLOYMENT = 'SAMPLE-RS-0001';
const PERMIT_LAW = '《中华人民共和国行政许可法》';

export const CLERK = { id: 'operator-xincheng-liu', name: '刘晓燕', role: 'operator', division: '150102' } as const;
export const XINCHENG_WINDOW = { windowName: '新城区政务服务中心二楼综合窗口 8 号', windowAddress: '呼和浩特市新城区海拉尔东街 31 号政务服务中心二楼', consultPhone: '0471-6935000' };
export const FOOD_LOCAL = { ...XINCHENG_WINDOW, handlingDepartment: '呼和浩特市新城区市场监督管理局', reviewAuthority: '呼和浩特市新城区人民政府', court: '呼和浩特市新城区人民法院' };
export const ALXA_LOCAL = { handlingDepartment: '阿拉善左旗市场监督管理局', reviewAuthority: '阿拉善左旗人民政府', court: '阿拉善左旗人民法院' };

const restaurant = (extra: Record<string, unknown> = {}) => ({
  entityName: '呼和浩特市新城区塞外味道餐饮有限公司', creditCode: '91150105MA0P4H6W8C', legalRepName: '赵丽娜', legalRepIdNumber: '150105199507070624', phone: '0471-6612345',
  premisesDivision: '150102', premisesAddress: '呼和浩特市新城区某路某号1层', mainBusiness: ['餐饮服务经营者'], businessProjects: ['热食类食品制售'], prepackagedOnly: '否', onlineSales: '否', safetyManager: '赵丽娜', ...extra,
});
export const FOOD_ACCEPT = { code: FOOD, scenario: 'new', formData: restaurant(), materials: ['application-form', 'business-licence', 'legal-rep-id', 'safety-rules', 'layout'] };
export const FOOD_SUPPLEMENT = { ...FOOD_ACCEPT, materials: ['application-form', 'business-licence', 'legal-rep-id', 'safety-rules'] };
export const FOOD_REJECT = { code: FOOD, scenario: 'new', formData: restaurant({ mainBusiness: ['食品销售经营者'], businessProjects: ['预包装食品销售（含冷藏冷冻食品）'], prepackagedOnly: '是' }), materials: ['application-form', 'business-licence', 'legal-rep-id', 'safety-rules'] };

export const WORKER_ID = '150102198506151234';
const worker = (extra: Record<string, unknown> = {}) => ({
  applicantName: '王建国', applicantIdNumber: WORKER_ID, phone: '13904710001', householdRegistration: '本自治区户籍', residenceDivision: '150102', residenceAddress: '呼和浩特市新城区某小区',
  education: '大学专科', unemploymentReason: '与用人单位解除或终止劳动关系', formerEmployer: '呼和浩特市某机械制造有限公司', terminationDate: '2025-02-28', ...extra,
});
export const JOBLESS_ACCEPT = { code: UNEMPLOYMENT, scenario: 'after-termination', formData: worker(), materials: ['id-card', 'registration-form', 'termination-proof'] };
export const JOBLESS_SUPPLEMENT = {
  code: UNEMPLOYMENT, scenario: 'other-unemployed', materials: ['id-card', 'registration-form'],
  formData: worker({ householdRegistration: '外省（区、市）户籍', unemploymentReason: '个体经营或灵活就业停止', formerEmployer: undefined, terminationDate: undefined }),
};
export const JOBLESS_REJECT = { code: UNEMPLOYMENT, scenario: 'other-unemployed', materials: ['id-card', 'registration-form'], formData: worker({ applicantName: '巴特尔', applicantIdNumber: '152502201209010150', unemploymentReason: '其他', formerEmployer: undefined, terminationDate: undefined }) };

const count = (text: string, part: string) => text.split(part).length - 1;
/** The closing block: seal, date, receipt line and version line, which print together. */
const closingOf = (html: string) => /<div class="closing">([\s\S]*?)<\/div>\n<\/main>/.exec(html)?.[1] ?? '';

/**
 * The notices as official documents over HTTP: legal basis by item type, the competent local
 * department and remedies from the claims (or the item), 经办人 and the window, an enterprise
 * applicant by company, 即办件, and every basis once.
 */
export function describeNoticeDocuments(name: string, open: InstallationFactory): void {
  describe(`notice documents on ${name}`, () => {
    let t: TestInstallation;
    let clerk: { Authorization: string };
    const save = async (body: object) => {
      const saved = await request(t.app).post('/api/runtime/150102/intakes').set(clerk).send(body);
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      return saved.body as { intake: { caseNumber: string; item: { hash: string; version: number } }; decision: { outcome: string; date: string } };
    };
    const doc = async (caseNumber: string, kind: string) => {
      const res = await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/${kind}`).set(clerk);
      expect(res.status).toBe(200);
      return res.text;
    };
    const claim = async (division: string, code: string, local: Record<string, string>) =>
      expect((await request(t.app).put(`/api/localities/${division}/claims/${code}`).set(t.as.admin).send({ follow: 'latest', local })).status).toBe(200);

    beforeAll(async () => {
      t = await open();
      await seedEmptyStore({ store: t.store, catalogue: loadSampleCatalogue(), claimFor: ['150102', '152921'] });
      clerk = { Authorization: `Bearer ${(await createPrincipal({ store: t.store, input: CLERK, actor: 'test-setup' })).token}` };
      await claim('150102', FOOD, FOOD_LOCAL);
      await claim('152921', FOOD, ALXA_LOCAL);
      await claim('150102', UNEMPLOYMENT, XINCHENG_WINDOW);
    });
    afterAll(async () => {
      await t?.close();
    });

    /** The parts every notice carries: handling body's seal, date, 经办人, window, address, phone, receipt line, version and hash. */
    const expectOfficeParts = (html: string, saved: Awaited<ReturnType<typeof save>>, department: string) => {
      for (const part of [`<th>承办部门</th><td>${department}</td>`, '<th>经办人</th><td>刘晓燕</td>', `<th>受理窗口</th><td>${XINCHENG_WINDOW.windowName}</td>`, `<th>办理地点</th><td colspan="3">${XINCHENG_WINDOW.windowAddress}</td>`, `<th>咨询电话</th><td>${XINCHENG_WINDOW.consultPhone}</td>`]) {
        expect(html, part).toContain(part);
      }
      const closing = closingOf(html);
      for (const part of [`${department}（盖章）`, chineseDate(saved.decision.date), '签收人', '签收日期', `版本 ${saved.intake.item.version}`, saved.intake.item.hash, saved.intake.caseNumber]) {
        expect(closing, part).toContain(part);
      }
    };

    it('addresses an enterprise by company and 统一社会信用代码 with its legal representative second, and cites 行政许可法第三十二条 for a 行政许可', async () => {
      const accepted = await save(FOOD_ACCEPT);
      expect(accepted.decision.outcome).toBe('accept');
      const html = await doc(accepted.intake.caseNumber, 'acceptance-notice');
      const company = html.indexOf('呼和浩特市新城区塞外味道餐饮有限公司（统一社会信用代码：91150105MA0P4H6W8C');
      expect(company).toBeGreaterThan(0);
      expect(html.indexOf('法定代表人（负责人）：赵丽娜')).toBeGreaterThan(company);
      expect(html).not.toContain('身份证号码');
      expect(html).toContain(`根据${PERMIT_LAW}第三十二条的规定，现决定予以受理`);
      expect(html).toContain('本件由呼和浩特市新城区市场监督管理局办理');
      expect(html).toContain('<th>承诺办理时限</th><td>5 个工作日');
      expect(html).toMatch(/<th>承诺办结日期<\/th><td class="deadline">\d{4}年\d+月\d+日前<\/td>/);
      expect(html).not.toContain('当场办结');
      expectOfficeParts(html, accepted, FOOD_LOCAL.handlingDepartment);

      const supplement = await save(FOOD_SUPPLEMENT);
      expect(supplement.decision.outcome).toBe('supplement');
      const notice = await doc(supplement.intake.caseNumber, 'supplement-notice');
      expect(notice).toContain(`根据${PERMIT_LAW}第三十二条的规定，现一次性告知`);
      expect(notice).toContain('与食品经营相适应的主要设备设施、经营布局、操作流程等文件');
      expect(notice).toContain('法定代表人（负责人）：赵丽娜');
      expectOfficeParts(notice, supplement, FOOD_LOCAL.handlingDepartment);
    });

    it('names the 行政复议机关 and the court of the claim and lists each legal basis once on the 不予受理决定书', async () => {
      const rejected = await save(FOOD_REJECT);
      expect(rejected.decision.outcome).toBe('reject');
      const html = await doc(rejected.intake.caseNumber, 'rejection-decision');
      const basis = /<p>法律依据：(.*?)。<\/p>/.exec(html)?.[1] ?? '';
      // The rule cites 食品安全法第三十五条第一款 and 行政许可法第三十二条第一款第（一）项; the item cites 第三十五条 and 第三十二条、第五十条.
      expect(basis).toBe('《中华人民共和国食品安全法》第三十五条第一款；《中华人民共和国行政许可法》第三十二条第一款第（一）项、第五十条；《食品经营许可和备案管理办法》');
      expect(count(html, PERMIT_LAW)).toBe(1);
      expect(html).not.toContain('（依据：');
      expect(html).toContain('六十日内依照《中华人民共和国行政复议法》向呼和浩特市新城区人民政府申请行政复议');
      expect(html).toContain('六个月内依照《中华人民共和国行政诉讼法》向呼和浩特市新城区人民法院提起行政诉讼');
      expectOfficeParts(html, rejected, FOOD_LOCAL.handlingDepartment);
    });

    it('takes the department and remedies of a case handled elsewhere from the handling locality’s claim, the window from the receiving one', async () => {
      const accepted = await save({ ...FOOD_ACCEPT, handlingDivision: '152921' });
      const html = await doc(accepted.intake.caseNumber, 'acceptance-notice');
      expect(html).toContain('转阿拉善左旗市场监督管理局（阿拉善盟阿拉善左旗）办理（收受分离）');
      expectOfficeParts(html, accepted, ALXA_LOCAL.handlingDepartment);
      const rejected = await save({ ...FOOD_REJECT, handlingDivision: '152921' });
      const decision = await doc(rejected.intake.caseNumber, 'rejection-decision');
      expect(decision).toContain('向阿拉善左旗人民政府申请行政复议');
      expect(decision).toContain('向阿拉善左旗人民法院提起行政诉讼');
    });

    it('prints 当场办结 for an 即办件, cites the item’s own basis for a 公共服务 item and addresses a person by name and masked ID', async () => {
      const accepted = await save(JOBLESS_ACCEPT);
      expect(accepted.decision.outcome).toBe('accept');
      const html = await doc(accepted.intake.caseNumber, 'acceptance-notice');
      expect(html).toContain(`<p class="to">王建国（身份证号码：${maskIdNumber(WORKER_ID)}）：</p>`);
      expect(html).not.toContain(WORKER_ID);
      expect(html).toContain('<th>承诺办理时限</th><td>当场办结');
      expect(html).not.toContain('0 个工作日');
      expect(html).toContain(`<th>承诺办结日期</th><td class="deadline">${chineseDate(accepted.decision.date)}前</td>`);
      expect(html).toContain('根据《中华人民共和国社会保险法》第五十条、《失业保险条例》第十六条、《中华人民共和国就业促进法》、《就业服务与就业管理规定》的规定，现决定予以受理');
      expect(html).not.toContain(PERMIT_LAW);
      // No department in the claim: the case's local department.
      expectOfficeParts(html, accepted, '新城区人力资源和社会保障局');

      const supplement = await save(JOBLESS_SUPPLEMENT);
      expect(supplement.decision.outcome).toBe('supplement');
      const notice = await doc(supplement.intake.caseNumber, 'supplement-notice');
      expect(notice).toContain('根据《中华人民共和国社会保险法》第五十条、《失业保险条例》第十六条、《中华人民共和国就业促进法》、《就业服务与就业管理规定》的规定，现一次性告知');
      expect(notice).not.toContain(PERMIT_LAW);
      expect(notice).toContain('居住证');
      expectOfficeParts(notice, supplement, '新城区人力资源和社会保障局');

      const rejected = await save(JOBLESS_REJECT);
      expect(rejected.decision.outcome).toBe('reject');
      const decision = await doc(rejected.intake.caseNumber, 'rejection-decision');
      const basis = /<p>法律依据：(.*?)。<\/p>/.exec(decision)?.[1] ?? '';
      expect(basis).toBe('《中华人民共和国劳动法》第十五条；《就业服务与就业管理规定》；《中华人民共和国社会保险法》第五十条；《失业保险条例》第十六条；《中华人民共和国就业促进法》');
      // Neither the claim nor the item names them: the bodies are described, never invented.
      expect(decision).toContain('向行政复议机关申请行政复议');
      expect(decision).toContain('向人民法院提起行政诉讼');
    });

    it('names the 行政复议机关 and the court of the item’s standard when the claim names none', async () => {
      const config = itemConfig('RT-REMEDY');
      config.standard.remedy = { reviewAuthority: '内蒙古自治区人民政府', court: '呼和浩特市中级人民法院' };
      await publishThroughApi(t, config);
      await claim('150102', 'RT-REMEDY', {});
      const rejected = await save({ code: 'RT-REMEDY', scenario: 'self', formData: { name: '小明', idNumber: '150102201501010015', phone: '13912345678' }, materials: ['id-card'] });
      expect(rejected.decision.outcome).toBe('reject');
      const html = await doc(rejected.intake.caseNumber, 'rejection-decision');
      expect(html).toContain('向内蒙古自治区人民政府申请行政复议');
      expect(html).toContain('向呼和浩特市中级人民法院提起行政诉讼');
      // Without the window's local fields the centre stands in for the window; no phone or address is invented.
      expect(html).toContain('<th>受理窗口</th><td>呼和浩特市新城区政务服务中心</td>');
      expect(html).not.toContain('咨询电话');
      expect(html).not.toContain('办理地点');
    });
  });
}
