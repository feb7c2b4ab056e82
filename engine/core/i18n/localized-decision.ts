import type { Coded, ItemConfig } from '../config/types.js';
import type { Decision, Reason } from '../decision/types.js';
import { channelPlaces, labelOf, outcomes, type Language } from '../vocabulary/index.js';
import { uiTexts } from './catalogue/catalogue.js';
import { codedKey, contentKeys, translationsIn } from './content-strings.js';
import type { TranslatedLanguage } from './languages.js';

/** A text with the language it is actually in: a translation, or the Chinese where none exists yet. */
export interface LocalizedText {
  text: string;
  lang: Language;
}

export interface LocalizedReason {
  rule: string;
  type: Reason['type'];
  message: LocalizedText;
  basis?: LocalizedText;
}

export interface LocalizedMaterial {
  id: string;
  name: LocalizedText;
  deferrable: boolean;
}

/** A decision's applicant-facing texts in one language: what the window and the public page show. */
export interface LocalizedDecision {
  language: TranslatedLanguage;
  outcome: LocalizedText;
  scenario: LocalizedText | null;
  /** Where to go instead (the standard's 受理渠道说明, else the channel's place), for a redirect. */
  redirect?: LocalizedText;
  missingMaterials: LocalizedMaterial[];
  reasons: LocalizedReason[];
  /** The 容缺受理 sentence (granted, or why not), when the decision has one: in `language` when every material it names has its translation. */
  deferral?: LocalizedText;
  timeLimits: { promised: LocalizedText; statutory: LocalizedText };
}

/**
 * The decision in `language`, from the item's own translations and the UI catalogue. The decision
 * itself (outcome, materials' ids, rules) is the one the engine made in Chinese; only its words
 * change. A reason is translated only when its message is the rule's own text (`rules.<name>.message`):
 * the engine's generated messages (an undecided rule asking for fields, a redirect) name form fields
 * and places in Chinese and stay Chinese, marked `lang: 'zh-CN'`, rather than showing a rule text
 * that says something else.
 */
export function localizedDecision(config: ItemConfig, decision: Decision, language: TranslatedLanguage): LocalizedDecision {
  const table = translationsIn(config, language);
  const t = uiTexts(language);
  const from = (key: string, zh: string): LocalizedText => {
    const text = table[key];
    return typeof text === 'string' && text.trim() !== '' ? { text, lang: language } : { text: zh, lang: 'zh-CN' };
  };
  const ruleTexts = new Map<string, { message?: string; basis?: string }>();
  for (const rule of config.rules ?? []) {
    const params = (rule.event as { params?: { message?: unknown; basis?: unknown } } | undefined)?.params;
    ruleTexts.set(rule.name, {
      ...(typeof params?.message === 'string' ? { message: params.message } : {}),
      ...(typeof params?.basis === 'string' ? { basis: params.basis } : {}),
    });
  }
  const materialName = (id: string, zh: string) => from(contentKeys.material(id), zh);
  const redirect = decision.redirect
    ? (config.standard.channelNote ? from('standard.channelNote', config.standard.channelNote) : { text: labelOf(channelPlaces, decision.redirect.channel, language), lang: language })
    : undefined;
  const reason = (r: Reason): LocalizedReason => {
    const own = ruleTexts.get(r.rule);
    let message: LocalizedText = { text: r.message, lang: 'zh-CN' };
    if (r.type === 'redirect' && redirect?.lang === language) message = { text: t('decision.redirect', { where: redirect.text }), lang: language };
    else if (own?.message === r.message) message = from(contentKeys.rule(r.rule), r.message);
    else if (r.type === 'requireMaterial' && own && own.message === undefined) {
      // The engine's default wording names the material it adds: say it with the material's own Mongolian.
      const id = (config.rules.find((x) => x.name === r.rule)?.event as { params?: { materialId?: string } } | undefined)?.params?.materialId;
      const m = config.standard.materials.find((x) => x.id === id);
      const name = m ? materialName(m.id, m.name) : null;
      if (name?.lang === language) message = { text: t('decision.requireMaterial', { name: name.text }), lang: language };
    }
    const basis = r.basis === undefined ? undefined : own?.basis === r.basis ? from(contentKeys.rule(r.rule, 'basis'), r.basis) : { text: r.basis, lang: 'zh-CN' as Language };
    return { rule: r.rule, type: r.type, message, ...(basis ? { basis } : {}) };
  };
  const limit = (l: { value: number | null; unit: Coded; note?: string }, noteKey: string): LocalizedText => {
    if (l.value === null) return { text: t('guide.limit.none'), lang: language };
    const unit = from(codedKey('timeLimitUnit', l.unit.code), l.unit.label);
    const note = l.note ? from(noteKey, l.note) : null;
    const amount = t('guide.limit.amount', { value: l.value, unit: unit.text });
    const allMongolian = unit.lang === language && (note === null || note.lang === language);
    return { text: note ? `${amount} (${note.text})` : amount, lang: allMongolian ? language : 'zh-CN' };
  };
  const deferral = (): LocalizedText | undefined => {
    const terms = decision.deferredAcceptance;
    if (!terms) return undefined;
    const deferrable = decision.missingMaterials.filter((m) => m.deferrable);
    const named = terms.refusal === 'not-deferrable' ? decision.missingMaterials.filter((m) => !m.deferrable) : terms.refusal === 'other-problems' ? [] : deferrable;
    const names = named.map((m) => materialName(m.id, m.name));
    if (names.some((n) => n.lang !== language)) return { text: terms.message, lang: 'zh-CN' };
    const key = terms.refusal === 'credit' ? 'core.decision.deferral.credit' : terms.refusal === 'not-deferrable' ? 'core.decision.deferral.notDeferrable' : terms.refusal === 'other-problems' ? 'core.decision.deferral.otherProblems' : 'core.decision.deferral.granted';
    return { text: t(key, { names: names.map((n) => t('designer.references.quoted', { name: n.text })).join(t('server.listSeparator')) }), lang: language };
  };
  const deferralText = deferral();
  return {
    language,
    ...(deferralText ? { deferral: deferralText } : {}),
    outcome: { text: labelOf(outcomes, decision.outcome, language), lang: language },
    scenario: decision.scenario ? from(contentKeys.scenario(decision.scenario.id), decision.scenario.name) : null,
    ...(redirect ? { redirect } : {}),
    missingMaterials: decision.missingMaterials.map((m) => ({ id: m.id, name: materialName(m.id, m.name), deferrable: m.deferrable })),
    reasons: decision.reasons.map(reason),
    timeLimits: {
      promised: limit(decision.timeLimits.promised, 'standard.promisedTimeLimit.note'),
      statutory: limit(decision.timeLimits.statutory, 'standard.statutoryTimeLimit.note'),
    },
  };
}
