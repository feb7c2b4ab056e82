/**
 * 容缺受理's printables: the 容缺受理通知书 the window issues (on the shared notice page: seal, date,
 * receipt line and version together) and the 容缺受理承诺书 the applicant signs. Both need the
 * commitment recorded on the case (its deadline); before that they are refused with 409.
 */
import { InvalidStateError, labelTable, documentKinds, maskIdNumber, regionDate, type DocumentKind } from '../../engine/core/index.js';
import { applicantOf, enterpriseApplicantOf, type CaseView } from '../../engine/services/index.js';
import { centreName, chineseDate, escapeHtml, NOTICE_INLINE_BLOCKS, noticePage, type NoticeContext } from './notice-documents.js';

export const COMMITMENT_DOCUMENT_KINDS = ['deferred-acceptance-notice', 'commitment-letter'] as const satisfies readonly DocumentKind[];
export type CommitmentDocumentKind = (typeof COMMITMENT_DOCUMENT_KINDS)[number];

export const isCommitmentDocumentKind = (kind: string): kind is CommitmentDocumentKind => (COMMITMENT_DOCUMENT_KINDS as readonly string[]).includes(kind);

const titles = labelTable(documentKinds);

type Commitment = NonNullable<CaseView['commitment']>;

/** The recorded commitment, or 409 saying what the window must do first. */
function recordedCommitment(kind: CommitmentDocumentKind, ctx: NoticeContext, view: CaseView | null): Commitment & { supplementBy: string } {
  const commitment = view?.commitment ?? null;
  const caseNumber = ctx.record.caseNumber;
  if (!commitment) {
    throw new InvalidStateError(`办件 ${caseNumber} 不是容缺受理，不能出具${titles[kind]}`, { caseNumber, kind, outcome: ctx.record.decision.outcome });
  }
  if (commitment.supplementBy === null) {
    throw new InvalidStateError(`办件 ${caseNumber} 尚未登记容缺承诺（补齐期限），请先登记承诺再出具${titles[kind]}`, { caseNumber, kind, commitment: commitment.state });
  }
  return { ...commitment, supplementBy: commitment.supplementBy };
}

function materialRows(commitment: Commitment, form: (id: string) => string): string {
  return commitment.materials.map((m, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(m.name)}</td><td>${escapeHtml(form(m.id))}</td></tr>`).join('');
}

function materialForm(ctx: NoticeContext): (id: string) => string {
  const materials = new Map(ctx.config.standard.materials.map((m) => [m.id, m]));
  return (id) => materials.get(id)?.form.label ?? '';
}

function noticeBody(ctx: NoticeContext, commitment: Commitment & { supplementBy: string }): string {
  const { record, config } = ctx;
  const scenario = record.decision.scenario ? `（办理情形：${record.decision.scenario.name}）` : '';
  const basis = commitment.basis ? `根据${commitment.basis}，` : '';
  const consequence = commitment.consequence ?? '按有关规定处理';
  return `<p>你（单位）于${escapeHtml(chineseDate(record.decision.date))}提出的“${escapeHtml(config.standard.name)}”申请${escapeHtml(scenario)}，经审查，基本条件具备、主要申请材料齐全且符合法定形式，所缺材料属于容缺后补材料。${escapeHtml(basis)}你（单位）已书面承诺限期补齐，现决定予以容缺受理。</p>
<p>请于以下期限前补齐下列材料（一次性告知）：</p>
<table><thead><tr><th>序号</th><th>容缺后补的材料</th><th>材料形式</th></tr></thead><tbody>${materialRows(commitment, materialForm(ctx))}</tbody></table>
<table><tbody>
<tr><th>补齐期限</th><td class="deadline">${escapeHtml(chineseDate(commitment.supplementBy))}前</td></tr>
${ctx.due?.promisedDue ? `<tr><th>承诺办结日期</th><td>${escapeHtml(chineseDate(ctx.due.promisedDue))}前（材料补齐后在原承诺时限内办结）</td></tr>\n` : ''}<tr><th>逾期未补齐的处理</th><td class="deadline">${escapeHtml(consequence)}</td></tr>
</tbody></table>
<p>补齐材料可到受理窗口或办理地窗口提交；请凭本通知书及办件编号 ${escapeHtml(record.caseNumber)} 查询办理进度。本通知书一式两份，申请人与受理窗口各执一份。</p>`;
}

/** The applicant's own letter: addressed to the window, signed by the applicant (no seal of ours). */
function letterPage(ctx: NoticeContext, commitment: Commitment & { supplementBy: string }): string {
  const { record, config } = ctx;
  const fields = config.form.applicant ?? {};
  const enterprise = enterpriseApplicantOf(record, fields);
  const person = applicantOf(record, fields);
  const who = enterprise
    ? `${enterprise.companyName}${enterprise.creditCode ? `（统一社会信用代码：${enterprise.creditCode}）` : ''}`
    : `${person.name ?? '申请人'}${person.idNumber ? `（身份证号码：${maskIdNumber(person.idNumber)}）` : ''}`;
  const centre = centreName(record.receivingDivision, ctx.stations);
  const consequence = commitment.consequence ?? '按有关规定处理';
  const kind: CommitmentDocumentKind = 'commitment-letter';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${escapeHtml(titles[kind])} ${escapeHtml(record.caseNumber)}</title>
<style>${NOTICE_INLINE_BLOCKS.styles[0]}</style></head>
<body>
<div class="toolbar"><button type="button">打印</button><script>${NOTICE_INLINE_BLOCKS.scripts[0]}</script></div>
<main class="page" data-kind="${kind}">
<h1>${escapeHtml(titles[kind])}</h1>
<p class="number">${escapeHtml(record.caseNumber)}-RQ</p>
<p class="to">${escapeHtml(centre)}：</p>
<p>本人（单位）${escapeHtml(who)}申请办理“${escapeHtml(config.standard.name)}”（办件编号 ${escapeHtml(record.caseNumber)}），已知悉该事项适用容缺受理，现申请容缺受理，并郑重承诺：</p>
<ol>
<li>所提交的申请材料真实、合法、有效；</li>
<li>于${escapeHtml(chineseDate(commitment.supplementBy))}前补齐下列容缺后补材料：</li>
</ol>
<table><thead><tr><th>序号</th><th>容缺后补的材料</th><th>材料形式</th></tr></thead><tbody>${materialRows(commitment, materialForm(ctx))}</tbody></table>
<ol start="3">
<li>逾期未补齐的，同意按以下方式处理，并承担相应责任：<span class="deadline">${escapeHtml(consequence)}</span>；</li>
<li>如有虚假承诺，愿承担相应法律责任，并同意将失信信息记入信用记录。</li>
</ol>
<div class="closing">
<div class="sign"><p>承诺人（签名或盖章）：<span class="blank"></span></p><p>日期：<span class="blank short"></span>年<span class="blank short"></span>月<span class="blank short"></span>日</p></div>
<p class="receipt">受理窗口经办人：${escapeHtml(ctx.clerk ?? '')}<span class="blank"></span>　承诺登记日期：${escapeHtml(commitment.committedAt ? chineseDate(regionDate(commitment.committedAt)) : '')}</p>
<p class="meta">办件编号 ${escapeHtml(record.caseNumber)} · 事项编码 ${escapeHtml(record.item.code)} · 版本 ${record.item.version} · 内容哈希 ${escapeHtml(record.item.hash)} · 受理地 ${escapeHtml(record.receivingDivision)} · 事项名称 ${escapeHtml(config.standard.name)}</p>
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
