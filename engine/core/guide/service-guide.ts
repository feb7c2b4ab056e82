import type { Coded, ItemConfig, StatutoryTimeLimit, TimeLimit } from '../config/types.js';
import { channelPlaces, labelOf } from '../vocabulary/index.js';
import { conditionalFields, conditionalFieldText } from '../form/field-conditions.js';
import { formFields } from '../form/form-fields.js';

export interface GuideSection {
  key: string;
  title: string;
  text?: string;
  items?: (string | Record<string, string>)[];
}

export interface ServiceGuide {
  item: { code: string; version: number | null; hash: string };
  title: string;
  sample: boolean;
  sections: GuideSection[];
}

const labels = (values: Coded[]) => values.map((v) => v.label).join('、');
const limit = (t: TimeLimit | StatutoryTimeLimit) =>
  t.value === null ? `法律法规未规定${t.note ? `（${t.note}）` : ''}` : `${t.value} 个${t.unit.label}${t.note ? `（${t.note}）` : ''}`;


const localFieldTitles: Record<string, string> = {
  windowAddress: '办理地点',
  windowName: '办理窗口',
  openingHours: '办理时间',
  consultPhone: '咨询电话',
  complaintPhone: '监督投诉电话',
  trafficGuide: '交通指引',
  handlingDepartment: '承办部门',
  reviewAuthority: '行政复议机关',
  court: '行政诉讼管辖法院',
};

/**
 * The public service guide (办事指南), generated from the published standard and nothing else:
 * localities may add only the local fields the standard allows (address, phone, hours).
 */
export function buildServiceGuide(config: ItemConfig, item: { version: number | null; hash: string }, local: Record<string, string> = {}): ServiceGuide {
  const s = config.standard;
  const materials = new Map(s.materials.map((m) => [m.id, m]));
  const sections: GuideSection[] = [
    { key: 'basic', title: '基本信息', items: [
      { 事项名称: s.name, 事项编码: s.code, 事项类型: s.itemType.label, 办件类型: s.caseType.label, 实施部门: s.department.name },
      { 服务对象: labels(s.serviceObjects), 通办范围: s.scope.label, 行使层级: labels(s.exerciseLevels), 权力来源: s.legalBasis.powerSource.label },
    ] },
    { key: 'channel', title: '受理渠道', text: s.channelNote ?? labelOf(channelPlaces, s.channel) },
    { key: 'legalBasis', title: '设定依据', items: s.legalBasis.provisions.map((p) => [p.law, p.article, p.text].filter(Boolean).join(' ')) },
    { key: 'acceptanceConditions', title: '受理条件', items: s.acceptanceConditions },
    { key: 'scenarios', title: '办理情形与申请材料', items: s.scenarios.map((sc) => ({
      情形: sc.name,
      材料: sc.materialIds.map((id) => { const m = materials.get(id); return m ? `${m.name}（${m.necessity.label}，${m.form.label}${m.originals ? `，原件 ${String(m.originals)} 份` : ''}${m.copies ? `，复印件 ${String(m.copies)} 份` : ''}）` : id; }).join('；'),
    })) },
    { key: 'materials', title: '申请材料', items: s.materials.map((m) => ({ 材料名称: m.name, 必要性: m.necessity.label, 材料形式: m.form.label, 来源渠道: m.source.label, ...(m.fillInstructions ? { 填报须知: String(m.fillInstructions) } : {}) })) },
    { key: 'process', title: '办事流程', items: s.process.map((p, i) => `${i + 1}. ${p.name}${p.description ? `：${p.description}` : ''}`) },
    { key: 'timeLimits', title: '办理时限', items: [`法定办理时限：${limit(s.statutoryTimeLimit)}`, `承诺办理时限：${limit(s.promisedTimeLimit)}`, ...s.stageTimeLimits.map((st) => `${st.stage}：${st.value} 个${st.unit.label}`)] },
    { key: 'result', title: '审批结果', items: [`结果类型：${s.resultType.label}`, `结果名称：${s.resultName}`, `结果样本：${s.resultSample.description}`] },
    { key: 'reviewPoints', title: '审查要点', items: s.reviewPoints.map((r) => (r.materialId && materials.get(r.materialId) ? `${materials.get(r.materialId)?.name}：${r.point}` : r.point)) },
    { key: 'templates', title: '材料模板', items: s.materialTemplates.map((t) => `${t.name}${t.instructions ? `（${t.instructions}）` : ''}`) },
  ];
  const conditions = formConditionItems(config);
  if (conditions.length > 0) sections.push({ key: 'formConditions', title: '申请表填写说明', items: conditions });
  const localEntries = s.localFields.filter((key) => typeof local[key] === 'string' && local[key] !== '').map((key) => ({ [localFieldTitles[key] ?? key]: local[key] as string }));
  if (localEntries.length > 0) sections.push({ key: 'local', title: '本地办理信息', items: localEntries });
  return { item: { code: config.code, version: item.version, hash: item.hash }, title: `${s.name}办事指南`, sample: config.meta?.sample === true, sections };
}

/** The form's value-based logic as sentences: 当「户籍所在地」为「外盟市」时需填写「居住证编号」. */
function formConditionItems(config: ItemConfig): string[] {
  const schema = config.form.schema;
  const fields = conditionalFields(schema);
  if (fields.length === 0) return [];
  const titles = formFields(schema);
  const titleOf = (name: string) => titles.get(name)?.title ?? name;
  return [...new Set(fields.map((field) => conditionalFieldText(field, titleOf)))];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The guide page's only inline block; servers allow it by hash in the page's Content-Security-Policy. */
export const SERVICE_GUIDE_CSS = 'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.6;color:#1f2328}h1{font-size:1.6em}h2{font-size:1.15em;border-left:4px solid #c8102e;padding-left:.5em}dl{display:grid;grid-template-columns:8em 1fr;margin:0}dt{color:#57606a}dd{margin:0}ul{padding-left:1.2em}.meta{font-size:.75em;color:#6e7781}.sample{background:#fff8c5;padding:.5em;border:1px solid #d4a72c}';

/** A printable page of the same guide, for applicants and the window's screen. */
export function renderServiceGuideHtml(guide: ServiceGuide): string {
  const item = (entry: string | Record<string, string>) =>
    typeof entry === 'string'
      ? `<li>${escapeHtml(entry)}</li>`
      : `<li><dl>${Object.entries(entry).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></li>`;
  const body = guide.sections
    .map((s) => `<section id="${escapeHtml(s.key)}"><h2>${escapeHtml(s.title)}</h2>${s.text ? `<p>${escapeHtml(s.text)}</p>` : ''}${s.items?.length ? `<ul>${s.items.map(item).join('')}</ul>` : ''}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(guide.title)}</title>
<style>${SERVICE_GUIDE_CSS}</style>
</head><body>
<h1>${escapeHtml(guide.title)}</h1>
${guide.sample ? '<p class="sample">样例事项：仅用于演示，并非自治区正式“全区通办”事项清单内容。</p>' : ''}
${body}
<p class="meta">事项编码 ${escapeHtml(guide.item.code)} · 版本 ${guide.item.version ?? '草稿'} · 内容哈希 ${escapeHtml(guide.item.hash)}</p>
</body></html>`;
}
