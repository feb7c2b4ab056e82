/**
 * 容缺受理's printables: the 容缺受理通知书 the window issues (on the shared notice page: seal, date,
 * receipt line and version together) and the 容缺受理承诺书 the applicant signs. Both need the
 * commitment recorded on the case (its deadline); before that they are refused with 409.
 */
import { InvalidStateError, labelTable, documentKinds, maskIdNumber, regionDate, uiTexts, type DocumentKind } from '../../engine/core/index.js';
import { applicantOf, enterpriseApplicantOf, type CaseView } from '../../engine/services/index.js';
import { centreName, chineseDate, escapeHtml, NOTICE_INLINE_BLOCKS, noticePage, type NoticeContext } from './notice-documents.js';

export const COMMITMENT_DOCUMENT_KINDS = ['deferred-acceptance-notice', 'commitment-letter'] as const satisfies readonly DocumentKind[];
export type CommitmentDocumentKind = (typeof COMMITMENT_DOCUMENT_KINDS)[number];

export const isCommitmentDocumentKind = (kind: string): kind is CommitmentDocumentKind => (COMMITMENT_DOCUMENT_KINDS as readonly string[]).includes(kind);

const titles = labelTable(documentKinds);

/** These printables are Chinese only. */
const zh = uiTexts('zh-CN');

type Commitment = NonNullable<CaseView['commitment']>;

const SHORT_BLANK = '<span class="blank short"></span>';

/** The recorded commitment, or 409 saying what the window must do first. */
function recordedCommitment(kind: CommitmentDocumentKind, ctx: NoticeContext, view: CaseView | null): Commitment & { supplementBy: string } {
  const commitment = view?.commitment ?? null;
  const caseNumber = ctx.record.caseNumber;
  if (!commitment) {
    throw new InvalidStateError(zh('server.commitment.notDeferred', { caseNumber, kind: titles[kind] }), { caseNumber, kind, outcome: ctx.record.decision.outcome });
  }
  if (commitment.supplementBy === null) {
    throw new InvalidStateError(zh('server.commitment.notRecorded', { caseNumber, kind: titles[kind] }), { caseNumber, kind, commitment: commitment.state });
  }
  return { ...commitment, supplementBy: commitment.supplementBy };
}

function materialRows(commitment: Commitment, form: (id: string) => string): string {
  return commitment.materials.map((m, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(m.name)}</td><td>${escapeHtml(form(m.id))}</td></tr>`).join('');
}

/** The table of the materials that may follow, on both printables. */
function materialTable(commitment: Commitment, ctx: NoticeContext): string {
  return `<table><thead><tr><th>${zh('server.notice.serial')}</th><th>${zh('server.commitment.material')}</th><th>${zh('server.commitment.materialForm')}</th></tr></thead><tbody>${materialRows(commitment, materialForm(ctx))}</tbody></table>`;
}

function materialForm(ctx: NoticeContext): (id: string) => string {
  const materials = new Map(ctx.config.standard.materials.map((m) => [m.id, m]));
  return (id) => materials.get(id)?.form.label ?? '';
}

function noticeBody(ctx: NoticeContext, commitment: Commitment & { supplementBy: string }): string {
  const { record, config } = ctx;
  const scenario = record.decision.scenario ? zh('server.notice.scenario', { name: record.decision.scenario.name }) : '';
  const basis = commitment.basis ? zh('server.commitment.basis', { basis: commitment.basis }) : '';
  const consequence = commitment.consequence ?? zh('server.commitment.defaultConsequence');
  return `<p>${escapeHtml(zh('server.commitment.noticeIntro', { submission: zh('server.notice.submission', { date: chineseDate(record.decision.date), name: config.standard.name, scenario }), basis }))}</p>
<p>${zh('server.commitment.supplementBelow')}</p>
${materialTable(commitment, ctx)}
<table><tbody>
<tr><th>${zh('server.commitment.supplementBy')}</th><td class="deadline">${escapeHtml(zh('server.notice.before', { date: chineseDate(commitment.supplementBy) }))}</td></tr>
${ctx.due?.promisedDue ? `<tr><th>${zh('notice.promisedDue')}</th><td>${escapeHtml(zh('server.commitment.promisedDue', { date: chineseDate(ctx.due.promisedDue) }))}</td></tr>\n` : ''}<tr><th>${zh('server.commitment.consequence')}</th><td class="deadline">${escapeHtml(consequence)}</td></tr>
</tbody></table>
<p>${escapeHtml(zh('server.commitment.noticeClosing', { caseNumber: record.caseNumber }))}</p>`;
}

/** The applicant's own letter: addressed to the window, signed by the applicant (no seal of ours). */
function letterPage(ctx: NoticeContext, commitment: Commitment & { supplementBy: string }): string {
  const { record, config } = ctx;
  const fields = config.form.applicant ?? {};
  const enterprise = enterpriseApplicantOf(record, fields);
  const person = applicantOf(record, fields);
  const who = enterprise
    ? `${enterprise.companyName}${enterprise.creditCode ? zh('server.notice.parenthesised', { text: zh('server.notice.creditCode', { code: enterprise.creditCode }) }) : ''}`
    : `${person.name ?? zh('notice.addressee')}${person.idNumber ? zh('server.notice.idNumber', { id: maskIdNumber(person.idNumber) }) : ''}`;
  const centre = centreName(record.receivingDivision, ctx.stations);
  const consequence = commitment.consequence ?? zh('server.commitment.defaultConsequence');
  const kind: CommitmentDocumentKind = 'commitment-letter';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(titles[kind])} ${escapeHtml(record.caseNumber)}</title>
<style>${NOTICE_INLINE_BLOCKS.styles[0]}</style></head>
<body>
<div class="toolbar"><button type="button">${zh('server.notice.print')}</button><script>${NOTICE_INLINE_BLOCKS.scripts[0]}</script></div>
<main class="page" data-kind="${kind}">
<h1>${escapeHtml(titles[kind])}</h1>
<p class="number">${escapeHtml(record.caseNumber)}-RQ</p>
<p class="to">${escapeHtml(zh('server.commitment.to', { centre }))}</p>
<p>${escapeHtml(zh('server.commitment.letterIntro', { who, name: config.standard.name, caseNumber: record.caseNumber }))}</p>
<ol>
<li>${zh('server.commitment.pledgeTrue')}</li>
<li>${escapeHtml(zh('server.commitment.pledgeBy', { date: chineseDate(commitment.supplementBy) }))}</li>
</ol>
${materialTable(commitment, ctx)}
<ol start="3">
<li>${zh('server.commitment.pledgeConsequence', { consequence: `<span class="deadline">${escapeHtml(consequence)}</span>` })}</li>
<li>${zh('server.commitment.pledgeFalse')}</li>
</ol>
<div class="closing">
<div class="sign"><p>${zh('server.commitment.signer', { blank: '<span class="blank"></span>' })}</p><p>${zh('server.commitment.signDate', { year: SHORT_BLANK, month: SHORT_BLANK, day: SHORT_BLANK })}</p></div>
<p class="receipt">${zh('server.commitment.receipt', { clerk: `${escapeHtml(ctx.clerk ?? '')}<span class="blank"></span>`, date: escapeHtml(commitment.committedAt ? chineseDate(regionDate(commitment.committedAt)) : '') })}</p>
<p class="meta">${zh('server.notice.meta', { caseNumber: escapeHtml(record.caseNumber), code: escapeHtml(record.item.code), version: record.item.version, hash: escapeHtml(record.item.hash), division: escapeHtml(record.receivingDivision), name: escapeHtml(config.standard.name) })}</p>
</div>
</main>
</body></html>
`;
}

/** A print-ready page (A4) for a case accepted on commitment, from the case's recorded commitment. */
export function renderCommitmentDocument(kind: CommitmentDocumentKind, ctx: NoticeContext, view: CaseView | null): string {
  const commitment = recordedCommitment(kind, ctx, view);
  return kind === 'commitment-letter' ? letterPage(ctx, commitment) : noticePage(kind, ctx, noticeBody(ctx, commitment));
}
