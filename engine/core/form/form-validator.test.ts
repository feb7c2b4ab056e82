import { describe, expect, it } from 'vitest';
import { compileFormValidator } from './form-validator.js';

describe('compileFormValidator', () => {
  it('checks each pattern with its own expression, however many forms are compiled', () => {
    const a = compileFormValidator({ type: 'object', properties: { licence: { type: 'string', title: '许可证号', pattern: '^JY[0-9]{14}$' } } });
    const b = compileFormValidator({ type: 'object', properties: { account: { type: 'string', title: '公积金账号', pattern: '^[0-9]{12}$' } } });
    expect(a({ licence: 'JY12345678901234' })).toEqual([]);
    expect(b({ account: '123456789012' })).toEqual([]);
    expect(b({ account: 'JY12345678901234' })).toEqual([{ path: '/account', keyword: 'pattern', message: '「公积金账号」格式不正确' }]);
  });

  it('reports only the failing field of a conditional (if/then) form', () => {
    const validate = compileFormValidator({
      type: 'object',
      properties: { byAgent: { type: 'boolean', title: '是否代办' }, agentName: { type: 'string', title: '代理人姓名' } },
      if: { properties: { byAgent: { const: true } }, required: ['byAgent'] },
      then: { required: ['agentName'] },
    });
    expect(validate({ byAgent: true })).toEqual([{ path: '/agentName', keyword: 'required', message: '请填写「代理人姓名」' }]);
    expect(validate({ byAgent: false })).toEqual([]);
  });

  it('reports only the applicant’s branch of an RJSF dependencies/oneOf form', () => {
    const validate = compileFormValidator({
      type: 'object',
      properties: { delivery: { type: 'string', title: '领取方式', enum: ['窗口领取', '邮寄'] } },
      dependencies: {
        delivery: {
          oneOf: [
            { properties: { delivery: { const: '窗口领取' } } },
            { properties: { delivery: { const: '邮寄' }, address: { type: 'string', title: '邮寄地址', minLength: 5 } }, required: ['address'] },
          ],
        },
      },
    });
    expect(validate({ delivery: '窗口领取' })).toEqual([]);
    expect(validate({ delivery: '邮寄' })).toEqual([{ path: '/address', keyword: 'required', message: '请填写「邮寄地址」' }]);
    expect(validate({ delivery: '邮寄', address: '呼市' })).toEqual([{ path: '/address', keyword: 'minLength', message: '「邮寄地址」至少应有 5 个字符' }]);
  });
});
