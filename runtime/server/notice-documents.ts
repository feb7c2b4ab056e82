import { contentKeys, contentReader, isBilingual, MONGOLIAN, MONGOLIAN_BLOCK_CSS, mongolianFontFace, translationIsDraft, uiText, uiTexts, maskIdNumber, type ItemConfig, findDivision, InvalidStateError, NotFoundError, officialWorkingCalendar, type WorkingCalendar, calendarMissingNote, DOCUMENT_KINDS, DOCUMENT_OUTCOMES, documentKinds, documentKindFor, isDocumentKind, labelOf, labelTable, outcomes, type DocumentKind } from '../../engine/core/index.js';
import { applicantOf, enterpriseApplicantOf } from '../../engine/services/index.js';
import type { IntakeRecord } from '../../engine/ports/index.js';
import { mongolianFontDataUrl } from './fonts.js';

export { DOCUMENT_KINDS, isDocumentKind, type DocumentKind };

/** 事项类型 行政许可 (国家政务服务平台 code 01): its acceptance follows 行政许可法第三十二条. */
const ADMINISTRATIVE_PERMIT = '01';
const PERMIT_BASIS = uiText('server.notice.permitBasis');

/** The Chinese page's strings (the Mongolian page reads its own through `uiTexts(MONGOLIAN)`). */
const zh = uiTexts('zh-CN');

const titles = labelTable(documentKinds);

/** The number suffix of each notice (办件编号-SL …); a kind without one is numbered by the case alone. */
const suffix: Partial<Record<DocumentKind, string>> = { 'acceptance-notice': 'SL', 'supplement-notice': 'BZ', 'rejection-decision': 'BY' };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** 2025-06-01 → 2025年6月1日 */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return zh('notice.dateFormat', { year: year ?? '', month: Number(month), day: Number(day) });
}

/**
 * 150102 → 呼和浩特市新城区; a registered station (in `stations`: code → its own name) → 呼和浩特市新城区
 * 保全庄街道便民服务站; an unregistered township or station code keeps its code after the banner's name.
 */
export function placeName(code: string, stations?: ReadonlyMap<string, string>): string {
  const division = findDivision(code.slice(0, 6));
  if (!division) return code;
  const parent = division.level === 'banner_county' && division.parentCode ? findDivision(division.parentCode) : undefined;
  const name = `${parent && parent.level === 'league_city' ? parent.name : ''}${division.name}`;
  if (code.length <= 6) return name;
  const station = stations?.get(code);
  return station ? `${name}${station}` : zh('server.notice.stationCode', { name, code });
}

/** Where the applicant was served: a banner's 政务服务中心, or a station by its own name (便民服务站 …). */
export function centreName(code: string, stations?: ReadonlyMap<string, string>): string {
  return code.length > 6 && stations?.has(code) ? placeName(code, stations) : zh('server.notice.centre', { place: placeName(code, stations) });
}

const withNote = (text: string, note?: string): string => (note ? zh('server.notice.withNote', { text, note }) : text);

function limitText(limit: { value: number | null; unit: { label: string }; note?: string }): string {
  return withNote(limit.value === null ? zh('guide.limit.none') : zh('guide.limit.amount', { value: limit.value, unit: limit.unit.label }), limit.note);
}

/** The 承诺办理时限 as the applicant reads it: an 即办件 (limit 0) is done on the spot. */
function promisedText(limit: ItemConfig['standard']['promisedTimeLimit']): string {
  return limit.value === 0 ? withNote(zh('guide.limit.onTheSpot'), limit.note) : limitText(limit);
}

/** Refuses a document that does not fit the recorded decision (e.g. no 受理通知书 for a rejected application). */
export function checkDocumentFits(record: IntakeRecord, kind: DocumentKind): void {
  const outcome = record.decision.outcome;
  if (DOCUMENT_OUTCOMES[kind] === outcome) return;
  const fitting = documentKindFor(outcome);
  throw new InvalidStateError(
    zh('server.notice.documentMismatch', { caseNumber: record.caseNumber, outcome: labelOf(outcomes, outcome), kind: titles[kind], fitting: fitting ? zh('server.notice.fittingDocument', { kind: titles[fitting] }) : '' }),
    { caseNumber: record.caseNumber, outcome, kind, ...(fitting ? { fitting } : {}) },
  );
}

/*
 * Sized for one A4 page (GB/T 9704 proportions, a smaller body than its 3号 so that the table,
 * the office block, the seal, the receipt line and the version line fit): the closing block —
 * seal, date, receipt line, version/hash — never splits across pages.
 */
const CSS = `
@page{size:A4;margin:18mm 20mm 15mm}
*{box-sizing:border-box}
body{font-family:"FangSong","STFangsong","Noto Serif CJK SC","SimSun",serif;font-size:13.5pt;line-height:1.6;color:#000;background:#f3f3f3;margin:0}
.page{width:210mm;min-height:297mm;margin:12px auto;padding:18mm 20mm 15mm;background:#fff;box-shadow:0 0 6px rgba(0,0,0,.2)}
h1{font-family:"SimHei","Noto Sans CJK SC",sans-serif;font-size:20pt;text-align:center;letter-spacing:.2em;margin:0 0 .2em}
.number{text-align:right;font-size:11pt;margin:0 0 .8em}
p{margin:.25em 0;text-indent:2em}
p.to{text-indent:0}
table{width:100%;border-collapse:collapse;font-size:11.5pt;line-height:1.45;margin:.5em 0}
th,td{border:1px solid #000;padding:.2em .45em;text-align:left;vertical-align:top}
th{font-weight:bold;white-space:nowrap;width:1%}
ol{margin:.2em 0 .2em 2em;padding-left:1em}
td ol{margin:0;padding-left:1.2em}
.deadline{font-weight:bold}
.office{font-size:11pt}
.closing{break-inside:avoid;page-break-inside:avoid;margin-top:1.2em}
.sign{text-align:right;margin-right:2em}
.sign p{text-indent:0;margin:.1em 0}
.seal{display:inline-block;min-width:12em;text-align:center}
.receipt{text-indent:0;margin-top:.8em;font-size:12pt}
.blank{display:inline-block;min-width:7em;border-bottom:1px solid #000}
.blank.short{min-width:2.5em}
.meta{margin-top:.8em;font-family:monospace;font-size:7.5pt;color:#444;word-break:break-all;line-height:1.35;text-indent:0}
.toolbar{text-align:center;margin:12px}
@media print{body{background:#fff}.page{width:auto;min-height:0;margin:0;padding:0;box-shadow:none}.toolbar{display:none}}
`;

/** The print button's behaviour as a script block: the page's Content-Security-Policy allows hashed blocks, never inline handlers. */
const PRINT_SCRIPT = `document.querySelector('.toolbar button').addEventListener('click',function(){window.print()})`;

/** The inline blocks every notice page carries, declared on its route so its CSP allows exactly them. */
/*
 * The Mongolian part of a bilingual item's notice: its own A4 page in vertical columns, left to
 * right. The font is embedded (data: URL) because the window app shows notices through blob: URLs,
 * which cannot resolve /fonts/…; only bilingual notices carry this block.
 */
const MONGOLIAN_CSS = `${mongolianFontFace(mongolianFontDataUrl())}
.page.mongolian{${MONGOLIAN_BLOCK_CSS};height:297mm;min-height:0;overflow:hidden;break-before:page;page-break-before:always;line-height:1.9;font-size:13pt}
.mongolian h1{font-family:inherit;letter-spacing:0;text-align:left;margin:0 .6em 0 0;font-size:18pt}
.mongolian p{text-indent:0;margin:0 .25em}
.mongolian .number{text-align:left}
.mongolian ol{margin:0 .3em;padding:1.2em 0 0}
.mongolian .label{font-weight:bold}
.mongolian .draft{color:#444;font-size:10pt}
@media print{.page.mongolian{height:262mm}}`;

export const NOTICE_INLINE_BLOCKS = { styles: [CSS, MONGOLIAN_CSS], scripts: [PRINT_SCRIPT] } as const;

/** The claims' local fields (ClaimRecord.local) that the notices print. */
export interface NoticeLocalFields {
  /** The claim at the receiving window: 办理窗口 (windowName), 办理地点 (windowAddress), 咨询电话 (consultPhone). */
  receiving?: Record<string, string>;
  /**
   * The claim at the handling locality (the same as `receiving` when the case is handled where it
   * was received): 承办部门 (handlingDepartment), 行政复议机关 (reviewAuthority), 人民法院 (court).
   */
  handling?: Record<string, string>;
}

export interface NoticeContext {
  record: IntakeRecord;
  /** The standard of the exact version the decision was made with. */
  config: ItemConfig;
  /** The effective working-day calendar deadlines are counted on (default: the files of standards/calendar). */
  calendar?: WorkingCalendar;
  /** The case's due dates (from the case view): the 承诺办结日期 and the years counted without calendar data. */
  due?: { promisedDue: string | null; calendarMissing?: readonly number[] };
  /** The local fields of the claims at the receiving and the handling locality. */
  local?: NoticeLocalFields;
  /** 经办人: the name of the principal who saved the intake (the case's opening event). */
  clerk?: string;
  /** The registered stations (code → own name), so a station is named by its name, not its banner. */
  stations?: ReadonlyMap<string, string>;
}

const localValue = (fields: Record<string, string> | undefined, key: string): string | undefined => {
  const value = fields?.[key]?.trim();
  return value ? value : undefined;
};

/** The competent local department: as the handling locality's claim names it, else as the case recorded it. */
export function handlingBody(ctx: Pick<NoticeContext, 'record' | 'local'>): string {
  return localValue(ctx.local?.handling, 'handlingDepartment') ?? ctx.record.handling.department;
}

/** Where the applicant may seek 行政复议 and sue: the handling locality's claim first, then the item's standard. */
export function remedyBodies(ctx: Pick<NoticeContext, 'config' | 'local'>): { reviewAuthority: string | null; court: string | null } {
  const remedy = ctx.config.standard.remedy ?? {};
  return {
    reviewAuthority: localValue(ctx.local?.handling, 'reviewAuthority') ?? remedy.reviewAuthority?.trim() ?? null,
    court: localValue(ctx.local?.handling, 'court') ?? remedy.court?.trim() ?? null,
  };
}

/**
 * Each basis once: citations naming the same law (《…》) are merged and their articles listed once,
 * in first-seen order — "《行政许可法》第三十二条" and "《行政许可法》第三十二条、第五十条" print as
 * one. An entry may cite several laws ("《劳动法》第十五条；《就业服务与就业管理规定》").
 */
export function mergeLegalBases(entries: readonly string[]): string[] {
  const laws: string[] = [];
  const articles = new Map<string, string[]>();
  const cite = (law: string, article: string) => {
    if (!articles.has(law)) {
      articles.set(law, []);
      laws.push(law);
    }
    const known = articles.get(law) as string[];
    // 第三十五条 and 第三十五条第一款 are one basis: the more specific citation stands for both.
    if (article === '' || known.some((k) => k.startsWith(article))) return;
    const general = known.findIndex((k) => article.startsWith(k));
    if (general >= 0) known[general] = article;
    else known.push(article);
  };
  for (const entry of entries) {
    let law: string | null = null;
    for (const part of entry.split(/[、，,；;]/).map((p) => p.trim()).filter(Boolean)) {
      const cited = /^(《[^》]+》)\s*(.*)$/.exec(part);
      if (cited) {
        law = cited[1] as string;
        cite(law, (cited[2] as string).trim());
      } else if (law) cite(law, part);
      else cite(part, '');
    }
  }
  return laws.map((law) => `${law}${(articles.get(law) as string[]).join(zh('server.listSeparator'))}`);
}

/** The item's own basis (设定依据), each law once. */
function itemBases(config: ItemConfig): string[] {
  return mergeLegalBases(config.standard.legalBasis.provisions.map((p) => `${p.law}${p.article ?? ''}`));
}

const isPermit = (config: ItemConfig): boolean => config.standard.itemType.code === ADMINISTRATIVE_PERMIT;

/** What the acceptance and the 补正 notice cite: 行政许可法第三十二条 for a 行政许可, the item's own basis otherwise. */
export function procedureBasis(config: ItemConfig): string {
  if (isPermit(config)) return PERMIT_BASIS;
  return itemBases(config).join(zh('server.listSeparator')) || zh('server.notice.itemGuide');
}

/** The applicant addressed: an enterprise by name and 统一社会信用代码, its legal representative second; a person by name and masked ID. */
function addressee(record: IntakeRecord, config: ItemConfig): string {
  const fields = config.form.applicant ?? {};
  const enterprise = enterpriseApplicantOf(record, fields);
  if (enterprise) {
    const details = [
      enterprise.creditCode ? zh('server.notice.creditCode', { code: enterprise.creditCode }) : null,
      enterprise.legalRepresentative ? zh('server.notice.legalRepresentative', { name: enterprise.legalRepresentative }) : null,
    ].filter(Boolean);
    const joined = details.length ? zh('server.notice.parenthesised', { text: details.join(zh('server.notice.clauseSeparator')) }) : '';
    return `<p class="to">${escapeHtml(zh('server.notice.addressee', { name: enterprise.companyName, details: joined }))}</p>`;
  }
  const applicant = applicantOf(record, fields);
  const id = applicant.idNumber ? zh('server.notice.idNumber', { id: maskIdNumber(applicant.idNumber) }) : '';
  return `<p class="to">${escapeHtml(zh('server.notice.addressee', { name: applicant.name ?? zh('notice.addressee'), details: id }))}</p>`;
}

function submission(record: IntakeRecord, config: ItemConfig): string {
  const scenario = record.decision.scenario ? zh('server.notice.scenario', { name: record.decision.scenario.name }) : '';
  return zh('server.notice.submission', { date: chineseDate(record.decision.date), name: config.standard.name, scenario });
}

function handlingText(ctx: NoticeContext): string {
  const { record } = ctx;
  const department = handlingBody(ctx);
  return record.handling.division === record.receivingDivision
    ? zh('server.notice.handledBy', { department })
    : zh('server.notice.handledElsewhere', { centre: centreName(record.receivingDivision, ctx.stations), department, place: placeName(record.handling.division, ctx.stations) });
}

/** 经办人, window, address and phone: who served the applicant and where to ask. */
function officeBlock(ctx: NoticeContext): string {
  const centre = centreName(ctx.record.receivingDivision, ctx.stations);
  const window = localValue(ctx.local?.receiving, 'windowName') ?? centre;
  const address = localValue(ctx.local?.receiving, 'windowAddress');
  const phone = localValue(ctx.local?.receiving, 'consultPhone');
  const cells: [string, string][] = [[zh('notice.handledBy'), handlingBody(ctx)], [zh('server.notice.window'), window], [zh('server.notice.clerk'), ctx.clerk ?? ''], ...(phone ? [[zh('server.notice.phone'), phone] as [string, string]] : [])];
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const [a, b] = [cells[i] as [string, string], cells[i + 1]];
    rows.push(`<tr><th>${a[0]}</th><td>${escapeHtml(a[1])}</td>${b ? `<th>${b[0]}</th><td>${escapeHtml(b[1])}</td>` : '<td colspan="2"></td>'}</tr>`);
  }
  if (address) rows.push(`<tr><th>${zh('server.notice.address')}</th><td colspan="3">${escapeHtml(address)}</td></tr>`);
  return `<table class="office"><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The page every notice shares: title and number, the body, the office block, and the closing
 * block — seal of the handling body, date, the applicant's receipt line and the version/hash line
 * — kept together on one page. Other printables (容缺受理) build on it.
 */
const SHORT_BLANK = '<span class="blank short"></span>';

export function noticePage(kind: DocumentKind, ctx: NoticeContext, body: string, mongolian = ''): string {
  const { record, config } = ctx;
  const number = suffix[kind] ? `${record.caseNumber}-${suffix[kind]}` : record.caseNumber;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(titles[kind])} ${escapeHtml(record.caseNumber)}</title>
<style>${CSS}</style>${mongolian ? `<style>${MONGOLIAN_CSS}</style>` : ''}</head>
<body>
<div class="toolbar"><button type="button">${zh('server.notice.print')}</button><script>${PRINT_SCRIPT}</script></div>
<main class="page" data-kind="${kind}">
<h1>${escapeHtml(titles[kind])}</h1>
<p class="number">${escapeHtml(number)}</p>
${addressee(record, config)}
${body}
${officeBlock(ctx)}
<div class="closing">
<div class="sign"><p><span class="seal">${escapeHtml(handlingBody(ctx))}${zh('notice.seal')}</span></p><p><span class="seal">${escapeHtml(chineseDate(record.decision.date))}</span></p></div>
<p class="receipt">${zh('server.notice.receipt', { signer: '<span class="blank"></span>', year: SHORT_BLANK, month: SHORT_BLANK, day: SHORT_BLANK })}</p>
<p class="meta">${zh('server.notice.meta', { caseNumber: escapeHtml(record.caseNumber), code: escapeHtml(record.item.code), version: record.item.version, hash: escapeHtml(record.item.hash), division: escapeHtml(record.receivingDivision), name: escapeHtml(config.standard.name) })}</p>
</div>
</main>
${mongolian}</body></html>
`;
}

function acceptance(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const names = new Map(config.standard.materials.map((m) => [m.id, m.name]));
  const received = record.materials.map((id) => names.get(id) ?? id);
  const { promisedTimeLimit, statutoryTimeLimit } = config.standard;
  return `<p>${escapeHtml(zh('server.notice.acceptance', { submission: submission(record, config), basis: procedureBasis(config), handling: handlingText(ctx) }))}</p>
<table><tbody>
<tr><th>${zh('notice.itemName')}</th><td>${escapeHtml(config.standard.name)}</td></tr>
<tr><th>${zh('server.notice.acceptedOn')}</th><td>${escapeHtml(chineseDate(record.decision.date))}</td></tr>
<tr><th>${zh('guide.limit.promised')}</th><td>${escapeHtml(promisedText(promisedTimeLimit))}</td></tr>
${ctx.due?.promisedDue ? `<tr><th>${zh('notice.promisedDue')}</th><td class="deadline">${escapeHtml(zh('server.notice.before', { date: chineseDate(ctx.due.promisedDue) }))}</td></tr>\n` : ''}<tr><th>${zh('guide.limit.statutory')}</th><td>${escapeHtml(limitText(statutoryTimeLimit))}</td></tr>
<tr><th>${zh('notice.received')}</th><td>${received.length ? `<ol>${received.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ol>` : zh('notice.none')}</td></tr>
</tbody></table>
${ctx.due?.calendarMissing?.length ? `<p class="calendar-missing">${escapeHtml(zh('server.notice.calendarNote', { note: calendarMissingNote(ctx.due.calendarMissing) }))}</p>\n` : ''}<p>${escapeHtml(zh('server.notice.acceptanceLookup', { caseNumber: record.caseNumber }))}</p>`;
}

/**
 * The applicant's supplement period on the 补正 notice — kept in this one function so that the
 * period can follow the item standard (the supplement loop changes it) without touching the rest.
 */
/**
 * The applicant's 补正期限 as the item's standard states it (supplementPeriod), counted from the
 * notice's date; a standard that states none gets no deadline — the 5 days of 行政许可法第三十二条
 * bind the agency (to issue this notice), never the applicant.
 */
export function supplementPeriod(ctx: NoticeContext): string {
  const d = ctx.record.decision;
  const where = zh('server.notice.supplementWhere');
  const period = ctx.config.standard.supplementPeriod;
  if (!period) return `<p class="deadline">${zh('server.notice.supplementPlease', { where })}</p>\n`;
  const calendar = ctx.calendar ?? officialWorkingCalendar;
  const counted = period.unit.code === 'CD' ? calendar.addNaturalDays(d.date, period.value)
    : period.unit.code === 'M' ? calendar.addMonths(d.date, period.value)
      : calendar.addWorkingDays(d.date, period.value);
  const { date: deadline, calendarMissing } = counted;
  return `<p class="deadline">${escapeHtml(zh('server.notice.supplementBy', { deadline: chineseDate(deadline), from: chineseDate(d.date), value: period.value, unit: period.unit.label, where }))}</p>
${calendarMissing ? `<p class="calendar-missing">${escapeHtml(zh('server.notice.calendarNote', { note: calendarMissingNote(calendarMissing) }))}</p>\n` : ''}`;
}

function supplement(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const d = record.decision;
  // 容缺后补 is offered only where the item allows 容缺受理 and the applicant is not refused it as 失信.
  const mayDefer = d.deferredAcceptance !== undefined && d.deferredAcceptance.refusal !== 'credit';
  const rows = d.missingMaterials.map((m, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(m.name)}</td><td>${m.deferrable && mayDefer ? zh('notice.deferrable') : zh('notice.mustSupplement')}</td></tr>`);
  const corrections = [
    ...d.fieldErrors.map((e) => e.message),
    ...d.reasons.filter((r) => r.type === 'supplement' || r.type === 'undecided').map((r) => r.message),
  ];
  return `<p>${escapeHtml(zh('server.notice.supplement', { submission: submission(record, config), basis: procedureBasis(config) }))}</p>
${rows.length ? `<table><thead><tr><th>${zh('server.notice.serial')}</th><th>${zh('notice.missing')}</th><th>${zh('server.notice.remark')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}
${corrections.length ? `<p>${zh('server.notice.correctionsHeading')}</p><ol>${corrections.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>` : ''}
${supplementPeriod(ctx)}<p>${escapeHtml(zh('server.notice.supplementClosing', { caseNumber: record.caseNumber }))}</p>`;
}

function rejection(ctx: NoticeContext): string {
  const { record, config } = ctx;
  const reasons = record.decision.reasons.filter((r) => r.type === 'reject');
  const bases = mergeLegalBases([
    ...reasons.map((r) => r.basis ?? ''),
    ...(isPermit(config) ? [PERMIT_BASIS] : []),
    ...itemBases(config),
  ]);
  const { reviewAuthority, court } = remedyBodies(ctx);
  return `<p>${escapeHtml(zh('server.notice.rejection', { submission: submission(record, config) }))}</p>
<ol>${reasons.map((r) => `<li>${escapeHtml(r.message)}</li>`).join('')}</ol>
<p>${escapeHtml(zh('server.notice.legalBasis', { bases: bases.join(zh('server.notice.clauseSeparator')) || zh('server.notice.itemBasis') }))}</p>
<p>${escapeHtml(zh('server.notice.remedy', { reviewAuthority: reviewAuthority ?? zh('server.notice.reviewAuthority'), court: court ?? zh('server.notice.court') }))}</p>`;
}

/** The body of each notice this file prints; 容缺受理's printables are added by their own module. */
const bodies: Partial<Record<DocumentKind, (ctx: NoticeContext) => string>> = {
  'acceptance-notice': acceptance,
  'supplement-notice': supplement,
  'rejection-decision': rejection,
};

/** 2025-06-01 in traditional Mongolian: 2025 ᠣᠨ ᠤ 6 ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ 1. */
function mongolianDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return uiTexts(MONGOLIAN)('notice.dateFormat', { year: year ?? '', month: Number(month), day: Number(day) });
}

/**
 * The notice in traditional Mongolian, for a bilingual item: the title, the number, the decision,
 * the item and the materials or reasons in the item's own Mongolian texts, the handling body, the
 * date — and, while the translations are a draft, that the Chinese text prevails.
 */
export function mongolianNoticePage(kind: DocumentKind, ctx: NoticeContext): string {
  const { record, config } = ctx;
  const t = uiTexts(MONGOLIAN);
  const c = contentReader(config, MONGOLIAN);
  const d = record.decision;
  const line = (label: string, value: string) => `<p><span class="label">${escapeHtml(label)}\u1804</span> ${escapeHtml(value)}</p>`;
  const list = (items: string[]) => (items.length ? `<ol>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>` : `<p>${escapeHtml(t('notice.none'))}</p>`);
  const materialName = (m: { id: string; name: string }) => c.text(contentKeys.material(m.id), m.name);
  const names = new Map(config.standard.materials.map((m) => [m.id, m]));
  const limit = (lim: { value: number | null; unit: { code: string; label: string } }) =>
    lim.value === null ? t('guide.limit.none') : lim.value === 0 ? t('guide.limit.onTheSpot') : t('guide.limit.amount', { value: lim.value, unit: c.coded('timeLimitUnit', lim.unit) });
  const number = suffix[kind] ? `${record.caseNumber}-${suffix[kind]}` : record.caseNumber;
  // The handling body by the locality's own Mongolian name, else the item's department when it is the one, else as recorded.
  const body = localValue(ctx.local?.handling, `handlingDepartment@${MONGOLIAN}`)
    ?? (handlingBody(ctx) === config.standard.department.name ? c.text('standard.department.name', config.standard.department.name) : handlingBody(ctx));
  const parts: string[] = [];
  if (kind === 'acceptance-notice') {
    parts.push(`<p>${escapeHtml(t('notice.accepted'))}</p>`);
    parts.push(line(t('guide.limit.promised'), limit(config.standard.promisedTimeLimit)));
    if (ctx.due?.promisedDue) parts.push(line(t('notice.promisedDue'), mongolianDate(ctx.due.promisedDue)));
    parts.push(line(t('guide.limit.statutory'), limit(config.standard.statutoryTimeLimit)));
    parts.push(`<p class="label">${escapeHtml(t('notice.received'))}\u1804</p>`, list(record.materials.map((id) => { const m = names.get(id); return m ? materialName(m) : id; })));
  } else if (kind === 'supplement-notice') {
    const mayDefer = d.deferredAcceptance !== undefined && d.deferredAcceptance.refusal !== 'credit';
    parts.push(`<p>${escapeHtml(t('notice.supplement'))}</p>`);
    parts.push(`<p class="label">${escapeHtml(t('notice.missing'))}\u1804</p>`, list(d.missingMaterials.map((m) => `${materialName(m)} (${m.deferrable && mayDefer ? t('notice.deferrable') : t('notice.mustSupplement')})`)));
    const corrections = d.reasons.filter((r) => r.type === 'supplement' || r.type === 'undecided').map((r) => c.text(contentKeys.rule(r.rule), r.message));
    if (corrections.length) parts.push(`<p class="label">${escapeHtml(t('notice.corrections'))}\u1804</p>`, list(corrections));
  } else if (kind === 'rejection-decision') {
    parts.push(`<p>${escapeHtml(t('notice.rejected'))}</p>`);
    parts.push(`<p class="label">${escapeHtml(t('notice.reasons'))}\u1804</p>`, list(d.reasons.filter((r) => r.type === 'reject').map((r) => c.text(contentKeys.rule(r.rule), r.message))));
  }
  return `<main class="page mongolian" lang="mn-Mong" data-kind="${kind}">
<h1>${escapeHtml(labelOf(documentKinds, kind, MONGOLIAN))}</h1>
<p class="number">${escapeHtml(number)}</p>
${line(t('notice.itemName'), c.text('standard.name', config.standard.name))}
${d.scenario ? line(t('notice.scenario'), c.text(contentKeys.scenario(d.scenario.id), d.scenario.name)) : ''}
${line(t('notice.caseNumber'), record.caseNumber)}
${parts.join('\n')}
${line(t('notice.handledBy'), body)}
<p>${escapeHtml(body)} ${escapeHtml(t('notice.seal'))}</p>
<p>${escapeHtml(mongolianDate(d.date))}</p>
${translationIsDraft(config, MONGOLIAN) ? `<p class="draft">${escapeHtml(t('notice.translationDraft'))}</p>` : ''}
</main>
`;
}

/**
 * A print-ready page (A4) generated from the record's decision and the standard of the version it
 * used; a bilingual item's notice adds its page in traditional Mongolian.
 */
export function renderNoticeDocument(kind: DocumentKind, ctx: NoticeContext): string {
  checkDocumentFits(ctx.record, kind);
  const body = bodies[kind];
  if (!body) throw new NotFoundError(zh('server.notice.notYet', { kind: titles[kind] }), { kind });
  return noticePage(kind, ctx, body(ctx), isBilingual(ctx.config) ? mongolianNoticePage(kind, ctx) : '');
}
