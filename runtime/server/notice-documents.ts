import { maskIdNumber, type ItemConfig, findDivision, InvalidStateError, officialWorkingCalendar, type WorkingCalendar, calendarMissingNote, DOCUMENT_KINDS, DOCUMENT_OUTCOMES, documentKinds, documentKindFor, isDocumentKind, labelOf, labelTable, outcomes, type DocumentKind } from '../../engine/core/index.js';
import { applicantOf } from '../../engine/services/index.js';
import type { IntakeRecord } from '../../engine/ports/index.js';

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind };

/** 行政许可法第三十二条: what is missing is told at once; the applicant then has this long to supplement. */
export const SUPPLEMENT_WORKING_DAYS = 5;

const titles = labelTable(documentKinds);

const suffix: Record<DocumentKind, string> = { 'acceptance-notice': 'SL', 'supplement-notice': 'BZ', 'rejection-decision': 'BY' };


function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** 2025-06-01 → 2025年6月1日 */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** 150102 → 呼和浩特市新城区; a township or station code keeps its code after the banner's name. */
export function placeName(code: string): string {
  const division = findDivision(code.slice(0, 6));
  if (!division) return code;
  const parent = division.level === 'banner_county' && division.parentCode ? findDivision(division.parentCode) : undefined;
  const name = `${parent && parent.level === 'league_city' ? parent.name : ''}${division.name}`;
  return code.length > 6 ? `${name}（站点 ${code}）` : name;
}

function limitText(limit: { value: number | null; unit: { label: string }; note?: string }): string {
  return limit.value === null ? `法律法规未规定${limit.note ? `（${limit.note}）` : ''}` : `${limit.value} 个${limit.unit.label}${limit.note ? `（${limit.note}）` : ''}`;
}

/** Refuses a document that does not fit the recorded decision (e.g. no 受理通知书 for a rejected application). */
export function checkDocumentFits(record: IntakeRecord, kind: DocumentKind): void {
  const outcome = record.decision.outcome;
  if (DOCUMENT_OUTCOMES[kind] === outcome) return;
  const fitting = documentKindFor(outcome);
  throw new InvalidStateError(
    `办件 ${record.caseNumber} 的受理结论为「${labelOf(outcomes, outcome)}」，不能出具${titles[kind]}${fitting ? `；应出具${titles[fitting]}` : ''}`,
    { caseNumber: record.caseNumber, outcome, kind, ...(fitting ? { fitting } : {}) },
  );
}

const CSS = `
@page{size:A4;margin:25mm 22mm 20mm}
*{box-sizing:border-box}
body{font-family:"FangSong","STFangsong","Noto Serif CJK SC","SimSun",serif;font-size:16pt;line-height:1.75;color:#000;background:#f3f3f3;margin:0}
.page{width:210mm;min-height:297mm;margin:12px auto;padding:25mm 22mm 20mm;background:#fff;box-shadow:0 0 6px rgba(0,0,0,.2)}
h1{font-family:"SimHei","Noto Sans CJK SC",sans-serif;font-size:22pt;text-align:center;letter-spacing:.2em;margin:0 0 .3em}
.number{text-align:right;font-size:12pt;margin:0 0 1.2em}
p{margin:.3em 0;text-indent:2em}
p.to{text-indent:0}
table{width:100%;border-collapse:collapse;font-size:13pt;margin:.6em 0}
th,td{border:1px solid #000;padding:.25em .5em;text-align:left;vertical-align:top}
th{font-weight:bold;white-space:nowrap}
ol{margin:.3em 0 .3em 2em;padding-left:1em}
.sign{margin-top:3em;text-align:right}
.sign p{text-indent:0}
.deadline{font-weight:bold}
.meta{margin-top:2.5em;font-family:monospace;font-size:8pt;color:#444;word-break:break-all;line-height:1.4;text-indent:0}
.toolbar{text-align:center;margin:12px}
@media print{body{background:#fff}.page{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}.toolbar{display:none}}
`;

/** The print button's behaviour as a script block: the page's Content-Security-Policy allows hashed blocks, never inline handlers. */
const PRINT_SCRIPT = `document.querySelector('.toolbar button').addEventListener('click',function(){window.print()})`;

/** The inline blocks every notice page carries, declared on its route so its CSP allows exactly them. */
export const NOTICE_INLINE_BLOCKS = { styles: [CSS], scripts: [PRINT_SCRIPT] } as const;

export interface NoticeContext {
  record: IntakeRecord;
  /** The standard of the exact version the decision was made with. */
  config: ItemConfig;
  /** The effective working-day calendar deadlines are counted on (default: the files of standards/calendar). */
  calendar?: WorkingCalendar;
  /** The case's due dates (from the case view): the 承诺办结日期 and the years counted without calendar data. */
  due?: { promisedDue: string | null; calendarMissing?: readonly number[] };
}

function page(kind: DocumentKind, { record, config }: NoticeContext, body: string): string {
  const centre = `${placeName(record.receivingDivision)}政务服务中心`;
  const d = record.decision;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(titles[kind])} ${escapeHtml(record.caseNumber)}</title>
<style>${CSS}</style></head>
<body>
<div class="toolbar"><button type="button">打印</button><script>${PRINT_SCRIPT}</script></div>
<main class="page" data-kind="${kind}">
<h1>${escapeHtml(titles[kind])}</h1>
<p class="number">${escapeHtml(record.caseNumber)}-${suffix[kind]}</p>
${body}
<div class="sign"><p>${escapeHtml(centre)}（盖章）</p><p>${escapeHtml(chineseDate(d.date))}</p></div>
<p class="meta">办件编号 ${escapeHtml(record.caseNumber)} · 事项编码 ${escapeHtml(record.item.code)} · 版本 ${record.item.version} · 内容哈希 ${escapeHtml(record.item.hash)} · 受理地 ${escapeHtml(record.receivingDivision)} · 事项名称 ${escapeHtml(config.standard.name)}</p>
</main>
</body></html>
`;
}

function applicantLines(record: IntakeRecord, config: ItemConfig): { to: string; line: string } {
  const applicant = applicantOf(record, config.form.applicant);
  const name = applicant.name ?? '申请人';
  const id = applicant.idNumber ? `（身份证号码：${maskIdNumber(applicant.idNumber)}）` : '';
  return { to: `<p class="to">${escapeHtml(name)}${escapeHtml(id)}：</p>`, line: name };
}

function submission(record: IntakeRecord, config: ItemConfig): string {
  const scenario = record.decision.scenario ? `（办理情形：${record.decision.scenario.name}）` : '';
  return `你（单位）于${chineseDate(record.decision.date)}提出的“${config.standard.name}”申请${scenario}`;
}

function handlingText(record: IntakeRecord): string {
  const receiving = placeName(record.receivingDivision);
  const handling = placeName(record.handling.division);
  return record.handling.division === record.receivingDivision
    ? `由${record.handling.department}（${handling}）办理`
    : `由${receiving}政务服务中心代收，转${record.handling.department}（${handling}）办理（收受分离）`;
}

function acceptance(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const names = new Map(config.standard.materials.map((m) => [m.id, m.name]));
  const received = record.materials.map((id) => names.get(id) ?? id);
  const { promisedTimeLimit, statutoryTimeLimit } = config.standard;
  return `${applicantLines(record, config).to}
<p>${escapeHtml(submission(record, config))}，经审查，申请材料齐全、符合法定形式，现决定予以受理。本件${escapeHtml(handlingText(record))}。</p>
<table><tbody>
<tr><th>办件编号</th><td>${escapeHtml(record.caseNumber)}</td></tr>
<tr><th>事项名称</th><td>${escapeHtml(config.standard.name)}</td></tr>
<tr><th>受理日期</th><td>${escapeHtml(chineseDate(record.decision.date))}</td></tr>
<tr><th>承诺办理时限</th><td>${escapeHtml(limitText(promisedTimeLimit))}</td></tr>
${ctx.due?.promisedDue ? `<tr><th>承诺办结日期</th><td class="deadline">${escapeHtml(chineseDate(ctx.due.promisedDue))}前</td></tr>\n` : ''}<tr><th>法定办理时限</th><td>${escapeHtml(limitText(statutoryTimeLimit))}</td></tr>
<tr><th>已收材料</th><td>${received.length ? `<ol>${received.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol>` : '无'}</td></tr>
</tbody></table>
${ctx.due?.calendarMissing?.length ? `<p class="calendar-missing">（${escapeHtml(calendarMissingNote(ctx.due.calendarMissing))}。）</p>\n` : ''}<p>请凭本通知书及办件编号查询办理进度、领取办理结果。</p>`;
}

function supplement(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const d = record.decision;
  const { date: deadline, calendarMissing } = (ctx.calendar ?? officialWorkingCalendar).addWorkingDays(d.date, SUPPLEMENT_WORKING_DAYS);
  const rows = d.missingMaterials.map((m, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(m.name)}</td><td>${m.deferrable ? '可容缺后补（须书面承诺）' : '须补正'}</td></tr>`);
  const corrections = [
    ...d.fieldErrors.map((e) => e.message),
    ...d.reasons.filter((r) => r.type === 'supplement' || r.type === 'undecided').map((r) => r.message),
  ];
  return `${applicantLines(record, config).to}
<p>${escapeHtml(submission(record, config))}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知你（单位）需要补正的全部内容：</p>
${rows.length ? `<table><thead><tr><th>序号</th><th>需补正的材料</th><th>说明</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
${corrections.length ? `<p>需更正或补充填写的内容：</p><ol>${corrections.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>` : ''}
<p class="deadline">请于${escapeHtml(chineseDate(deadline))}前（自${escapeHtml(chineseDate(d.date))}起 ${SUPPLEMENT_WORKING_DAYS} 个工作日内）一次性补正上述全部内容，并携带本通知书到任一政务服务中心“全区通办”窗口提交。</p>
${calendarMissing ? `<p class="calendar-missing">（${escapeHtml(calendarMissingNote(calendarMissing))}。）</p>\n` : ''}<p>补正材料齐全、符合法定形式后予以受理；办件编号 ${escapeHtml(record.caseNumber)} 可用于查询。</p>`;
}

function rejection(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const reasons = record.decision.reasons.filter((r) => r.type === 'reject');
  const bases = [...new Set(reasons.map((r) => r.basis).filter((b): b is string => Boolean(b)))];
  const provisions = config.standard.legalBasis.provisions.map((p) => [p.law, p.article].filter(Boolean).join(''));
  return `${applicantLines(record, config).to}
<p>${escapeHtml(submission(record, config))}，经审查，不符合受理条件，现决定不予受理。理由如下：</p>
<ol>${reasons.map((r) => `<li>${escapeHtml(r.message)}${r.basis ? `（依据：${escapeHtml(r.basis)}）` : ''}</li>`).join('')}</ol>
<p>法律依据：${escapeHtml([...bases, ...provisions].join('；') || '本事项设定依据')}。</p>
<p>如不服本决定，可以自收到本决定书之日起六十日内依照《中华人民共和国行政复议法》向行政复议机关申请行政复议，或者自收到本决定书之日起六个月内依照《中华人民共和国行政诉讼法》向人民法院提起行政诉讼。</p>`;
}

/** A print-ready page (A4) generated from the record's decision and the standard of the version it used. */
export function renderNoticeDocument(kind: DocumentKind, ctx: NoticeContext): string {
  checkDocumentFits(ctx.record, kind);
  const body = kind === 'acceptance-notice' ? acceptance(ctx) : kind === 'supplement-notice' ? supplement(ctx) : rejection(ctx);
  return page(kind, ctx, body);
}
