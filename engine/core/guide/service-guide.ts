import type { Coded, ItemConfig, StatutoryTimeLimit, TimeLimit } from '../config/types.js';
import { localFieldsOf } from '../config/local-fields.js';
import { uiTexts, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import { contentKeys, contentReader, hasTranslations, isBilingual, translationIsDraft, type ContentReader } from '../i18n/content-strings.js';
import { MONGOLIAN, MONGOLIAN_BLOCK_CSS, mongolianFontFace } from '../i18n/languages.js';
import { channelPlaces, deliveryMethods, labelOf, type Language } from '../vocabulary/index.js';
import { conditionalFields, conditionalFieldText, type ConditionalField, type FieldCondition } from '../form/field-conditions.js';
import { formFields } from '../form/form-fields.js';

export interface GuideSection {
  key: string;
  title: string;
  text?: string;
  items?: (string | Record<string, string>)[];
}

/** The guide's text in one language (the sections a page or a printout shows). */
export interface GuideText {
  lang: Language;
  title: string;
  sections: GuideSection[];
  /** Only for a translation: it still awaits review by the region's translation office. */
  draft?: boolean;
  /** Only for a translation: the template files (the same links), named in the language. */
  templateFiles?: GuideTemplateFile[];
}

/** A material template uploaded as a file, with its 下载模板 link. */
export interface GuideTemplateFile { materialId: string; name: string; fileName: string; href: string }

export interface ServiceGuide {
  item: { code: string; version: number | null; hash: string };
  title: string;
  sample: boolean;
  sections: GuideSection[];
  /** The language of `title` and `sections`: always Chinese, the source. */
  lang?: 'zh-CN';
  /** Whether the item's standard marks it bilingual (汉蒙双语): its guide prints in both languages. */
  bilingual?: boolean;
  /** The same guide in traditional Mongolian, when the item carries Mongolian texts. */
  translations?: { 'mn-Mong'?: GuideText };
  /** Material templates uploaded as files, each downloadable by its content hash. */
  templateFiles?: GuideTemplateFile[];
}

/** Where a template file is downloaded: by content hash, saved under its file name. */
export const templateFileHref = (file: { hash: string; name: string }): string => `/api/templates/${encodeURIComponent(file.hash)}?name=${encodeURIComponent(file.name)}`;

const LOCAL_FIELD_KEYS: Record<string, CatalogueKey> = {
  windowAddress: 'guide.local.windowAddress',
  windowName: 'guide.local.windowName',
  openingHours: 'guide.local.openingHours',
  consultPhone: 'guide.local.consultPhone',
  complaintPhone: 'guide.local.complaintPhone',
  trafficGuide: 'guide.local.trafficGuide',
  handlingDepartment: 'guide.local.handlingDepartment',
  reviewAuthority: 'guide.local.reviewAuthority',
  court: 'guide.local.court',
};

/** A locality's own Mongolian for a local field: the claim's `<field>@mn-Mong` entry. */
export const localTranslationKey = (field: string, language: Language): string => `${field}@${language}`;

function guideText(config: ItemConfig, language: Language, local: Record<string, string>): GuideText {
  const t = uiTexts(language);
  const c: ContentReader = contentReader(config, language === 'zh-CN' ? 'zh-CN' : language);
  const s = config.standard;
  // Mongolian punctuation: ᠂ (comma) and ᠄ (colon), from the catalogue.
  const sep = t('server.listSeparator');
  const labels = (enumeration: string, values: Coded[]) => values.map((v) => c.coded(enumeration, v)).join(sep);
  const limit = (lim: TimeLimit | StatutoryTimeLimit, key: string) => {
    const note = lim.note ? c.text(`standard.${key}.note`, lim.note) : '';
    const noteText = note ? t('core.guide.parenthesised', { text: note }) : '';
    return lim.value === null ? `${t('guide.limit.none')}${noteText}` : `${t('guide.limit.amount', { value: lim.value, unit: c.coded('timeLimitUnit', lim.unit) })}${noteText}`;
  };
  const materials = new Map(s.materials.map((m) => [m.id, m]));
  const materialName = (id: string) => { const m = materials.get(id); return m ? c.text(contentKeys.material(id), m.name) : id; };
  const colon = t('core.guide.colon');
  const paren = (parts: string[]) => t('core.guide.parenthesised', { text: parts.join(t('core.guide.partSeparator')) });
  const sections: GuideSection[] = [
    { key: 'basic', title: t('guide.section.basic'), items: [
      { [t('guide.field.name')]: c.text('standard.name', s.name), [t('guide.field.code')]: s.code, [t('guide.field.itemType')]: c.coded('itemType', s.itemType), [t('guide.field.caseType')]: c.coded('caseType', s.caseType), [t('guide.field.department')]: c.text('standard.department.name', s.department.name) },
      { [t('guide.field.serviceObjects')]: labels('serviceObject', s.serviceObjects), [t('guide.field.scope')]: c.coded('scope', s.scope), [t('guide.field.exerciseLevels')]: labels('exerciseLevel', s.exerciseLevels), [t('guide.field.powerSource')]: c.coded('powerSource', s.legalBasis.powerSource) },
    ] },
    { key: 'channel', title: t('guide.section.channel'), text: s.channelNote ? c.text('standard.channelNote', s.channelNote) : labelOf(channelPlaces, s.channel, language) },
    { key: 'legalBasis', title: t('guide.section.legalBasis'), items: s.legalBasis.provisions.map((p) => c.text(contentKeys.provision(p), [p.law, p.article, p.text].filter(Boolean).join(' '))) },
    { key: 'acceptanceConditions', title: t('guide.section.acceptanceConditions'), items: s.acceptanceConditions.map((a) => c.text(contentKeys.condition(a), a)) },
    { key: 'scenarios', title: t('guide.section.scenarios'), items: s.scenarios.map((sc) => ({
      [t('guide.field.scenario')]: c.text(contentKeys.scenario(sc.id), sc.name),
      [t('guide.field.materials')]: sc.materialIds.map((id) => {
        const m = materials.get(id);
        if (!m) return id;
        const parts = [c.coded('materialNecessity', m.necessity), c.coded('materialForm', m.form), ...(m.originals ? [t('guide.material.originals', { n: String(m.originals) })] : []), ...(m.copies ? [t('guide.material.copies', { n: String(m.copies) })] : [])];
        return `${materialName(id)}${paren(parts)}`;
      }).join(t('core.guide.materialSeparator')),
    })) },
    { key: 'materials', title: t('guide.section.materials'), items: s.materials.map((m) => ({ [t('guide.field.materialName')]: materialName(m.id), [t('guide.field.necessity')]: c.coded('materialNecessity', m.necessity), [t('guide.field.materialForm')]: c.coded('materialForm', m.form), [t('guide.field.source')]: c.coded('materialSource', m.source), ...(m.fillInstructions ? { [t('guide.field.fillInstructions')]: c.text(contentKeys.material(m.id, 'fillInstructions'), String(m.fillInstructions)) } : {}) })) },
    { key: 'process', title: t('guide.section.process'), items: s.process.map((p, i) => `${i + 1}. ${c.text(contentKeys.processName(p.name), p.name)}${p.description ? `${colon}${c.text(contentKeys.processDescription(p.name), p.description)}` : ''}`) },
    { key: 'timeLimits', title: t('guide.section.timeLimits'), items: [`${t('guide.limit.statutory')}${colon}${limit(s.statutoryTimeLimit, 'statutoryTimeLimit')}`, `${t('guide.limit.promised')}${colon}${limit(s.promisedTimeLimit, 'promisedTimeLimit')}`, ...s.stageTimeLimits.map((st) => `${c.text(contentKeys.stage(st.stage), st.stage)}${colon}${t('guide.limit.amount', { value: st.value, unit: c.coded('timeLimitUnit', st.unit) })}`)] },
    { key: 'result', title: t('guide.section.result'), items: [`${t('guide.result.type')}${colon}${c.coded('resultType', s.resultType)}`, `${t('guide.result.name')}${colon}${c.text('standard.resultName', s.resultName)}`, `${t('guide.result.sample')}${colon}${c.text('standard.resultSample.description', s.resultSample.description)}`] },
    { key: 'reviewPoints', title: t('guide.section.reviewPoints'), items: s.reviewPoints.map((r) => { const point = c.text(contentKeys.reviewPoint(r.point), r.point); return r.materialId && materials.get(r.materialId) ? `${materialName(r.materialId)}${colon}${point}` : point; }) },
    { key: 'templates', title: t('guide.section.templates'), items: s.materialTemplates.map((tp) => { const name = c.text(contentKeys.template(tp.materialId), tp.name); return `${name}${tp.instructions ? paren([c.text(contentKeys.template(tp.materialId, 'instructions'), tp.instructions)]) : ''}`; }) },
  ];
  // 收费 and 送达方式, as every 办事指南 shows them.
  if (s.fee) {
    const fee = s.fee;
    sections.push({ key: 'fee', title: t('guide.section.fee'), items: fee.charged
      ? [`${t('guide.fee.charged')}${colon}${t('guide.fee.yes')}`, `${t('guide.fee.standard')}${colon}${c.text('standard.fee.standard', fee.standard ?? '')}`, `${t('guide.fee.basis')}${colon}${c.text('standard.fee.basis', fee.basis ?? '')}`]
      : [`${t('guide.fee.charged')}${colon}${t('guide.fee.free')}`] });
  }
  if (s.deliveryMethods && s.deliveryMethods.length > 0) {
    sections.push({ key: 'delivery', title: t('guide.section.delivery'), text: s.deliveryMethods.map((m) => labelOf(deliveryMethods, m, language)).join(sep) });
  }
  // The form's value-based logic, as sentences, with the fields' and options' own texts in the language.
  const conditions = language === 'zh-CN' ? formConditionItems(config) : formConditionItemsIn(config, language);
  if (conditions.length > 0) sections.push({ key: 'formConditions', title: t('guide.section.formConditions'), items: conditions });
  const localValue = (key: string) => (language === 'zh-CN' ? local[key] : (local[localTranslationKey(key, language)]?.trim() || local[key]));
  const localEntries = localFieldsOf(s).filter((key) => typeof local[key] === 'string' && local[key] !== '').map((key) => ({ [LOCAL_FIELD_KEYS[key] ? t(LOCAL_FIELD_KEYS[key]) : key]: localValue(key) as string }));
  if (localEntries.length > 0) sections.push({ key: 'local', title: t('guide.section.local'), items: localEntries });
  return { lang: language, title: t('guide.title', { name: c.text('standard.name', s.name) }), sections, ...(language === 'zh-CN' ? {} : { draft: translationIsDraft(config, language) }) };
}

/**
 * The public service guide (办事指南), generated from the published standard and nothing else:
 * localities may add only the local fields the standard allows (address, phone, hours). An item
 * carrying Mongolian texts gets the same guide in traditional Mongolian beside the Chinese one.
 */
export function buildServiceGuide(config: ItemConfig, item: { version: number | null; hash: string }, local: Record<string, string> = {}): ServiceGuide {
  const zh = guideText(config, 'zh-CN', local);
  const bilingual = isBilingual(config);
  const templateFiles = config.standard.materialTemplates.flatMap((tp) => (tp.file ? [{ materialId: tp.materialId, name: tp.name, fileName: tp.file.name, href: templateFileHref(tp.file) }] : []));
  // The Mongolian guide links the same files, each under its template's Mongolian name where there is one.
  const mnContent = contentReader(config, MONGOLIAN);
  const mnFiles = templateFiles.map((f) => ({ ...f, name: mnContent.text(contentKeys.template(f.materialId), f.name) }));
  const mongolian = bilingual || hasTranslations(config, MONGOLIAN)
    ? { translations: { [MONGOLIAN]: { ...guideText(config, MONGOLIAN, local), ...(mnFiles.length > 0 ? { templateFiles: mnFiles } : {}) } } }
    : {};
  return { item: { code: config.code, version: item.version, hash: item.hash }, title: zh.title, sample: config.meta?.sample === true, sections: zh.sections, lang: 'zh-CN', bilingual, ...mongolian, ...(templateFiles.length > 0 ? { templateFiles } : {}) };
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

/**
 * The same sentences in a translated language: the Chinese ones are field-conditions.ts's wording;
 * these follow the catalogue's sentence patterns (form.condition.*) with the fields' translated
 * titles and the options' translated labels (falling back to the Chinese where one is missing).
 */
function formConditionItemsIn(config: ItemConfig, language: Exclude<Language, 'zh-CN'>): string[] {
  const schema = config.form.schema;
  const fields = conditionalFields(schema);
  if (fields.length === 0) return [];
  const titles = formFields(schema);
  const c = contentReader(config, language);
  const t = uiTexts(language);
  const titleOf = (name: string) => t('designer.references.quoted', { name: c.text(`form.${name}.title`, titles.get(name)?.title ?? name) });
  const valueOf = (field: string, value: unknown): string => {
    const one = (v: unknown) => t('designer.references.quoted', { name: typeof v === 'string' ? c.text(`form.${field}.enum[${v}]`, v) : JSON.stringify(v) ?? '' });
    return Array.isArray(value) ? value.map(one).join(` ${t('form.condition.or')} `) : one(value);
  };
  const when = (condition: FieldCondition): string => {
    const field = titleOf(condition.field);
    if (condition.operator === 'isFilled') return t('form.condition.filled', { field });
    if (condition.operator === 'equal' || condition.operator === 'in') return t('form.condition.is', { field, value: valueOf(condition.field, condition.value) });
    return t(`form.condition.${condition.operator}`, { field, value: String(condition.value) });
  };
  const sentence = (field: ConditionalField) =>
    t(field.effect === 'require' || field.requiredWhenShown ? 'form.condition.require' : 'form.condition.show', { when: when(field.when), name: titleOf(field.name) });
  return [...new Set(fields.map(sentence))];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * The guide page's only inline block; servers allow it by hash in the page's Content-Security-Policy.
 * The Mongolian part is set in vertical columns, left to right, in the self-hosted Noto Sans Mongolian.
 */
export const SERVICE_GUIDE_CSS = 'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:860px;margin:2em auto;padding:0 1em;line-height:1.6;color:#1f2328}h1{font-size:1.6em}h2{font-size:1.15em;border-left:4px solid #c8102e;padding-left:.5em}dl{display:grid;grid-template-columns:8em 1fr;margin:0}dt{color:#57606a}dd{margin:0}ul{padding-left:1.2em}.meta{font-size:.75em;color:#6e7781}.sample{background:#fff8c5;padding:.5em;border:1px solid #d4a72c}'
  + `${mongolianFontFace()}.mongolian{${MONGOLIAN_BLOCK_CSS};height:80vh;min-height:32em;max-width:100%;overflow-x:auto;margin:2em 0;padding:1em;border-top:3px solid #c8102e;line-height:1.9}.mongolian h1,.mongolian h2{margin:0 .4em}.mongolian h2{border-left:0;border-top:4px solid #c8102e;padding:.5em 0 0}.mongolian section{display:inline-block}.mongolian dl{display:block}.mongolian dt{display:inline;font-weight:bold}.mongolian dd{display:inline;margin:0 0 0 .5em}.mongolian dd::after{content:"";display:block}.mongolian ul{padding:1.2em 0 0}.mongolian li{margin:0 .2em}@media print{.mongolian{height:auto;min-height:0;break-before:page;overflow:visible;height:250mm}}`;

function sectionsHtml(sections: GuideSection[]): string {
  const item = (entry: string | Record<string, string>) =>
    typeof entry === 'string'
      ? `<li>${escapeHtml(entry)}</li>`
      : `<li><dl>${Object.entries(entry).map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></li>`;
  return sections
    .map((s) => `<section id="${escapeHtml(s.key)}"><h2>${escapeHtml(s.title)}</h2>${s.text ? `<p>${escapeHtml(s.text)}</p>` : ''}${s.items?.length ? `<ul>${s.items.map(item).join('')}</ul>` : ''}</section>`)
    .join('\n');
}

/**
 * A printable page of the same guide, for applicants and the window's screen. A bilingual item's
 * page prints the Chinese guide, then the Mongolian one (`lang="mn-Mong"`, vertical columns).
 */
function templateFilesHtml(files: readonly GuideTemplateFile[] | undefined, heading: string, id: string, paren: (text: string) => string): string {
  if (!files?.length) return '';
  return `<section id="${id}"><h2>${escapeHtml(heading)}</h2><ul>${files.map((f) => `<li><a href="${escapeHtml(f.href)}" download="${escapeHtml(f.fileName)}">${escapeHtml(f.name)}${escapeHtml(paren(f.fileName))}</a></li>`).join('')}</ul></section>`;
}

export function renderServiceGuideHtml(guide: ServiceGuide): string {
  const t = uiTexts('zh-CN');
  const mn = guide.translations?.[MONGOLIAN];
  const mt = uiTexts(MONGOLIAN);
  const mongolian = mn && guide.bilingual
    ? `\n<article class="mongolian" lang="mn-Mong" id="guide-mn-Mong">
<h1>${escapeHtml(mn.title)}</h1>
${mn.draft ? `<p class="sample">${escapeHtml(mt('guide.translationDraft'))}</p>` : ''}${guide.sample ? `<p class="sample">${escapeHtml(mt('guide.sample'))}</p>` : ''}
${sectionsHtml(mn.sections).replace(/<section id="/g, '<section id="mn-')}
${templateFilesHtml(mn.templateFiles, mt('guide.template.download'), 'mn-templateFiles', (name) => mt('core.guide.parenthesised', { text: name }))}
</article>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(guide.title)}</title>
<style>${SERVICE_GUIDE_CSS}</style>
</head><body>
<h1>${escapeHtml(guide.title)}</h1>
${guide.sample ? `<p class="sample">${escapeHtml(t('guide.sample'))}</p>` : ''}
${sectionsHtml(guide.sections)}
${templateFilesHtml(guide.templateFiles, t('guide.template.download'), 'templateFiles', (name) => t('core.guide.parenthesised', { text: name }))}
<p class="meta">${escapeHtml(t('guide.meta', { code: guide.item.code, version: guide.item.version ?? t('guide.meta.draft'), hash: guide.item.hash }))}</p>${mongolian}
</body></html>`;
}
