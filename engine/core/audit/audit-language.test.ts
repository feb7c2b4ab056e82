import { describe, expect, it } from 'vitest';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { rollbackFrom, verifyAuditTrail } from './index.js';

const MONGOLIAN = /[\u1820-\u18AA]/;

describe('audit findings in the auditor language', () => {
  it('names a version written without its audit event, in Chinese by default and in Mongolian when asked', () => {
    const input = { events: [], checkpoints: [], trustedKeys: [], versions: [{ code: 'AUD-1', version: 2, hash: 'b'.repeat(64) }] };
    const [zh] = verifyAuditTrail(input).problems;
    const [mn] = verifyAuditTrail({ ...input, language: 'mn-Mong' }).problems;
    expect(zh).toEqual({ kind: 'version-without-event', code: 'AUD-1', version: 2, message: '事项 AUD-1 第 2 版没有对应的发布（或导入、初始化）审计记录：未经发布流程写入' });
    expect(mn).toEqual({ ...zh, message: uiText('core.audit.versionWithoutEvent', 'mn-Mong', { code: 'AUD-1', version: 2 }) });
    expect(mn!.message).toMatch(MONGOLIAN);
  });

  it('tells a Mongolian reader that the checkpoints went back', () => {
    const finding = rollbackFrom({ count: 9, headHash: 'c'.repeat(64) }, { count: 4, headHash: 'd'.repeat(64) }, null, 'mn-Mong');
    expect(finding?.kind).toBe('count-went-down');
    expect(finding?.message).toBe(uiText('core.audit.countWentDown', 'mn-Mong', { remembered: 9, current: 4 }));
    expect(rollbackFrom({ count: 9, headHash: 'c'.repeat(64) }, null, null)?.message).toBe('配置库的审计检查点倒退：此前已见到第 9 条的检查点，现在库中最新检查点为第 0 条（配置库可能被恢复为旧副本或被截断）');
  });
});
