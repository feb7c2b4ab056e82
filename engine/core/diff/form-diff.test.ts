import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs } from './index.js';
import type { ItemConfig } from '../config/types.js';

type Schema = Record<string, any>;
const props = (c: ItemConfig) => c.form.schema.properties as Schema;

/** The form changes between `base(fixture)` and `edit(base(fixture))`. */
function formDiff(edit: (c: ItemConfig) => void, base: (c: ItemConfig) => void = () => undefined) {
  const from = itemConfig();
  base(from);
  const to = structuredClone(from);
  edit(to);
  return diffConfigs(from, to).changes;
}

const platformBranch = (c: ItemConfig) => {
  c.form.schema.allOf = [{
    if: { properties: { employmentType: { const: '新就业形态' } }, required: ['employmentType'] },
    then: { properties: { platformUrl: { type: 'string', title: '平台网址' } }, required: ['platformUrl'] },
  }];
};

describe('diffConfigs: form fields, matched by JSON pointer', () => {
  it('reports an added field with its type, format and required flag', () => {
    const changes = formDiff((c) => { props(c).email = { type: 'string', title: '电子邮箱', format: 'email' }; (c.form.schema.required as string[]).push('email'); });
    expect(changes).toEqual([{
      section: 'form', kind: 'added', pointer: '/form/schema/properties/email', label: '表单字段「电子邮箱」',
      after: { type: 'string', title: '电子邮箱', format: 'email' }, afterText: '文本，电子邮箱（email），必填', affectsDecision: true,
    }]);
  });

  it('reports a removed field (its required entry goes with it)', () => {
    const changes = formDiff((c) => { delete props(c).phone; c.form.schema.required = ['name', 'idNumber']; });
    expect(changes).toEqual([{
      section: 'form', kind: 'removed', pointer: '/form/schema/properties/phone', label: '表单字段「手机号码」',
      before: { type: 'string', title: '手机号码', format: 'cn-mobile' }, beforeText: '文本，手机号码（cn-mobile），必填', affectsDecision: true,
    }]);
  });

  it('reports a field with a new title as renamed, listing what else changed: type, required, pattern, limits', () => {
    const changes = formDiff((c) => {
      Object.assign(props(c).name, { type: ['string', 'null'], pattern: '^[\\u4e00-\\u9fa5]+$', minLength: 1, title: '申请人姓名' });
      c.form.schema.required = ['idNumber', 'phone'];
    });
    expect(changes).toEqual([{
      // A new title makes it a rename: the title leads, then whatever else changed.
      section: 'form', kind: 'renamed', pointer: '/form/schema/properties/name', label: '表单字段',
      aspects: [
        { key: 'title', label: '标题', before: '姓名', after: '申请人姓名', beforeText: '姓名', afterText: '申请人姓名' },
        { key: 'type', label: '类型', before: 'string', after: ['string', 'null'], beforeText: '文本', afterText: '文本或空' },
        { key: 'required', label: '必填', before: true, after: false, beforeText: '必填', afterText: '选填' },
        { key: 'pattern', label: '正则校验', after: '^[\\u4e00-\\u9fa5]+$', afterText: '^[\\u4e00-\\u9fa5]+$' },
        { key: 'minLength', label: '最小长度', before: 2, after: 1, beforeText: '2', afterText: '1' },
      ],
      affectsDecision: true,
    }]);
  });

  it('reads formats and options by their labels', () => {
    const changes = formDiff((c) => { props(c).employmentType.enum = ['个体经营']; props(c).idNumber.format = 'cn-social-credit-code'; });
    expect(changes.map((c) => c.aspects)).toEqual([
      [{ key: 'enum', label: '可选值', before: ['个体经营', '非全日制', '新就业形态'], after: ['个体经营'], beforeText: '个体经营、非全日制、新就业形态', afterText: '个体经营' }],
      [{ key: 'format', label: '格式', before: 'cn-id-number', after: 'cn-social-credit-code', beforeText: '居民身份证号码（cn-id-number）', afterText: '统一社会信用代码（cn-social-credit-code）' }],
    ]);
  });

  it('treats oneOf of constants as a list of options, not as logic', () => {
    const changes = formDiff(
      (c) => { props(c).gender.oneOf.push({ const: 'x', title: '其他' }); },
      (c) => { props(c).gender = { type: 'string', title: '性别', oneOf: [{ const: 'm', title: '男' }, { const: 'f', title: '女' }] }; },
    );
    expect(changes).toEqual([{
      section: 'form', kind: 'changed', pointer: '/form/schema/properties/gender', label: '表单字段「性别」',
      aspects: [{ key: 'oneOf', label: '可选值', before: [{ const: 'm', title: '男' }, { const: 'f', title: '女' }], after: [{ const: 'm', title: '男' }, { const: 'f', title: '女' }, { const: 'x', title: '其他' }], beforeText: '男、女', afterText: '男、女、其他' }],
      affectsDecision: true,
    }]);
  });

  it('walks nested objects, reading required from the parent object', () => {
    const changes = formDiff(
      (c) => { props(c).address.properties.street = { type: 'string', title: '街道' }; props(c).address.required = ['city']; },
      (c) => { props(c).address = { type: 'object', title: '地址', properties: { city: { type: 'string', title: '城市' } } }; },
    );
    expect(changes).toEqual([
      { section: 'form', kind: 'changed', pointer: '/form/schema/properties/address/properties/city', label: '表单字段「城市」', aspects: [{ key: 'required', label: '必填', before: false, after: true, beforeText: '选填', afterText: '必填' }], affectsDecision: true },
      { section: 'form', kind: 'added', pointer: '/form/schema/properties/address/properties/street', label: '表单字段「街道」', after: { type: 'string', title: '街道' }, afterText: '文本', affectsDecision: true },
    ]);
  });

  it('walks array items', () => {
    const changes = formDiff(
      (c) => { props(c).children.items.properties.age.maximum = 18; props(c).children.maxItems = 5; },
      (c) => { props(c).children = { type: 'array', title: '子女', items: { type: 'object', properties: { age: { type: 'integer', title: '年龄' } } } }; },
    );
    expect(changes).toEqual([
      { section: 'form', kind: 'changed', pointer: '/form/schema/properties/children', label: '表单字段「子女」', aspects: [{ key: 'maxItems', label: '最多项数', after: 5, afterText: '5' }], affectsDecision: true },
      { section: 'form', kind: 'changed', pointer: '/form/schema/properties/children/items/properties/age', label: '表单字段「年龄」', aspects: [{ key: 'maximum', label: '最大值', after: 18, afterText: '18' }], affectsDecision: true },
    ]);
  });

  it('reports an added if-then as conditional logic of the parent plus the field its branch declares', () => {
    const changes = formDiff((c) => {
      platformBranch(c);
      (c.form.schema.allOf as Schema[])[0]!.then.required.push('platformName');
    });
    expect(changes).toEqual([
      {
        section: 'form', kind: 'changed', pointer: '/form/schema', label: '表单整体',
        aspects: [{
          key: 'conditional', label: '条件逻辑',
          after: { allOf: [{ if: { properties: { employmentType: { const: '新就业形态' } }, required: ['employmentType'] }, then: { required: ['platformName'] } }] },
          // The designer's shape of logic reads as sentences.
          afterText: '当「就业形式」为「新就业形态」时需填写「平台网址」；当「就业形式」为「新就业形态」时需填写「平台名称」',
        }],
        affectsDecision: true,
      },
      { section: 'form', kind: 'added', pointer: '/form/schema/allOf/0/then/properties/platformUrl', label: '表单字段「平台网址」', after: { type: 'string', title: '平台网址' }, afterText: '文本，必填', affectsDecision: true },
    ]);
  });

  it('reports a changed `if` as conditional logic only', () => {
    const changes = formDiff((c) => { (c.form.schema.allOf as Schema[])[0]!.if.properties.employmentType.const = '非全日制'; }, platformBranch);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ pointer: '/form/schema', aspects: [{ key: 'conditional', before: { allOf: [{ if: { properties: { employmentType: { const: '新就业形态' } } }, then: {} }] }, after: { allOf: [{ if: { properties: { employmentType: { const: '非全日制' } } } }] } }] });
  });

  it('reports a field of a branch by its own pointer: required flag and limits', () => {
    const branch = (c: ItemConfig) => (c.form.schema.allOf as Schema[])[0]!.then;
    expect(formDiff((c) => { branch(c).required = []; branch(c).properties.platformUrl.maxLength = 200; }, platformBranch)).toEqual([{
      section: 'form', kind: 'changed', pointer: '/form/schema/allOf/0/then/properties/platformUrl', label: '表单字段「平台网址」',
      aspects: [
        { key: 'required', label: '必填', before: true, after: false, beforeText: '必填', afterText: '选填' },
        { key: 'maxLength', label: '最大长度', after: 200, afterText: '200' },
      ],
      affectsDecision: true,
    }]);
  });

  it('follows dependencies with oneOf branches (the 邮寄 pattern)', () => {
    const mailing = (c: ItemConfig) => {
      props(c).mailing = { type: 'boolean', title: '是否邮寄' };
      c.form.schema.dependencies = { mailing: { oneOf: [
        { properties: { mailing: { const: false } } },
        { properties: { mailing: { const: true }, mailingAddress: { type: 'string', title: '邮寄地址', minLength: 6 } }, required: ['mailingAddress'] },
      ] } };
    };
    const changes = formDiff((c) => { (c.form.schema.dependencies as Schema).mailing.oneOf[1].properties.mailingAddress.minLength = 10; }, mailing);
    expect(changes).toEqual([{
      section: 'form', kind: 'changed', pointer: '/form/schema/dependencies/mailing/oneOf/1/properties/mailingAddress', label: '表单字段「邮寄地址」',
      aspects: [{ key: 'minLength', label: '最小长度', before: 6, after: 10, beforeText: '6', afterText: '10' }], affectsDecision: true,
    }]);
    // Property dependencies are logic as they stand.
    const simple = formDiff((c) => { c.form.schema.dependencies = { platformName: ['employmentType'] }; });
    expect(simple).toMatchObject([{ pointer: '/form/schema', aspects: [{ key: 'conditional', after: { dependencies: { platformName: ['employmentType'] } } }] }]);
  });

  it('reports a required entry that names no field of its object, and definitions', () => {
    const changes = formDiff((c) => {
      (c.form.schema.required as string[]).push('platformUrl');
      c.form.schema.definitions = { money: { type: 'number', minimum: 0 } };
    });
    expect(changes).toEqual([
      { section: 'form', kind: 'changed', pointer: '/form/schema', label: '表单整体', aspects: [{ key: 'required.others', label: '必填（其他层级的字段）', after: ['platformUrl'], afterText: 'platformUrl' }], affectsDecision: true },
      { section: 'form', kind: 'added', pointer: '/form/schema/definitions/money', label: '表单定义「money」', after: { type: 'number', minimum: 0 }, afterText: '数字', affectsDecision: true },
    ]);
  });

  it('compares a boolean schema as a whole', () => {
    expect(formDiff((c) => { props(c).platformName = true; })).toEqual([{
      section: 'form', kind: 'changed', pointer: '/form/schema/properties/platformName', label: '表单字段「平台名称」',
      aspects: [{ key: 'schema', label: '整个定义', before: { type: 'string', title: '平台名称', maxLength: 100 }, after: true, beforeText: '{"maxLength":100,"title":"平台名称","type":"string"}', afterText: '任意值（true）' }],
      affectsDecision: true,
    }]);
  });

  it('ignores the order of properties and of required entries', () => {
    expect(formDiff((c) => {
      c.form.schema.properties = Object.fromEntries(Object.entries(props(c)).reverse());
      c.form.schema.required = ['phone', 'name', 'idNumber'];
    })).toEqual([]);
  });

  it('lists uiSchema changes without counting them as able to alter a decision', () => {
    const from = itemConfig();
    const to = structuredClone(from);
    to.form.uiSchema = { employmentType: { 'ui:widget': 'radio' } };
    const diff = diffConfigs(from, to);
    expect(diff.changes).toEqual([
      { section: 'form', kind: 'added', pointer: '/form/uiSchema/employmentType', label: '表单界面「employmentType」', after: { 'ui:widget': 'radio' }, afterText: '{"ui:widget":"radio"}', affectsDecision: false },
      { section: 'form', kind: 'removed', pointer: '/form/uiSchema/ui:order', label: '表单字段顺序', before: ['name', 'idNumber', 'phone', 'residence', 'employmentType', 'platformName'], beforeText: 'name、idNumber、phone、residence、employmentType、platformName', affectsDecision: false },
    ]);
    expect(diff.summary.canAlterDecision).toBe(false);
    delete from.form.uiSchema;
    expect(diffConfigs(from, { ...from, form: { ...from.form, uiSchema: {} } }).changes).toEqual([]);
  });
});
