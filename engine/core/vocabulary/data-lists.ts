import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** The lists of the notice's §7 beside the 需求清单 (which is derived from the items' data needs). */
export const DATA_LIST_KINDS = ['responsibility', 'negative'] as const;
export type DataListKind = (typeof DATA_LIST_KINDS)[number];

export const dataListKinds = defineVocabulary('data list kind', DATA_LIST_KINDS, {
  responsibility: { 'zh-CN': '责任清单', 'mn-Mong': 'ᠬᠠᠷᠢᠭᠤᠴᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ' },
  negative: { 'zh-CN': '负面清单', 'mn-Mong': 'ᠰᠥᠷᠭᠦ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ' },
});

export const isDataListKind = (value: unknown): value is DataListKind => isCodeOf(dataListKinds, value);

/** How far a providing department has got with a commitment of the 责任清单. */
export const COMMITMENT_STATUSES = ['planned', 'in-progress', 'provided', 'suspended'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const commitmentStatuses = defineVocabulary('commitment status', COMMITMENT_STATUSES, {
  planned: { 'zh-CN': '未启动', 'mn-Mong': 'ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ' },
  'in-progress': { 'zh-CN': '推进中', 'mn-Mong': 'ᠤᠷᠤᠭᠰᠢᠯᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  provided: { 'zh-CN': '已提供', 'mn-Mong': 'ᠬᠠᠩᠭᠠᠭᠰᠠᠨ' },
  suspended: { 'zh-CN': '暂缓', 'mn-Mong': 'ᠲᠦᠷ ᠬᠣᠢᠰᠢᠯᠠᠭᠤᠯᠬᠤ' },
});

export const isCommitmentStatus = (value: unknown): value is CommitmentStatus => isCodeOf(commitmentStatuses, value);

/** The two periods of the programme office's reports (周调度 and 月通报). */
export const REPORT_PERIODS = ['week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const reportPeriods = defineVocabulary('report period', REPORT_PERIODS, {
  week: { 'zh-CN': '周调度', 'mn-Mong': 'ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠠᠭᠠᠭᠯᠠᠯᠲᠠ' },
  month: { 'zh-CN': '月通报', 'mn-Mong': 'ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ' },
});

export const isReportPeriod = (value: unknown): value is ReportPeriod => isCodeOf(reportPeriods, value);
