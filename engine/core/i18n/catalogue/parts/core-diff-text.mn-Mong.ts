import type { coreDiffTextZhCN } from './core-diff-text.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const coreDiffTextMnMong: Record<keyof typeof coreDiffTextZhCN, string> = {
  "core.diff.value.empty": "(ᠬᠣᠭᠤᠰᠤᠨ)",
  "core.diff.value.note": " ({note})",
  "core.diff.value.noTimeLimit": "ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠦᠭᠡᠢ",
  "core.diff.value.countedUnit": "{unit}",
  "core.diff.value.deferred.notAllowed": "ᠳᠤᠲᠠᠭᠤ ᠪᠠᠶᠢᠭᠠ ᠪᠠᠷ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ",
  "core.diff.value.deferred.allowed": "ᠳᠤᠲᠠᠭᠤ ᠪᠠᠶᠢᠭᠠ ᠪᠠᠷ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ",
  "core.diff.value.deferred.supplementLimit": "ᠨᠥᠬᠥᠨ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ {limit}",
  "core.diff.value.deferred.consequence": "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠪᠡᠯ᠄ {consequence}",
  "core.diff.value.deferred.basis": "ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ {basis}",
  "core.diff.value.fee.standard": "ᠲᠥᠯᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠠᠷᠢᠮᠵᠢᠶ᠎ᠠ᠄ {standard}",
  "core.diff.value.fee.basis": "ᠲᠥᠯᠪᠦᠷᠢ ᠶᠢᠨ ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ {basis}",
  "core.diff.value.dataNeed": "{dataItem} ({department}·{system}᠂ {sharing}᠂ {frequency})",
  "core.diff.value.type.null": "ᠬᠣᠭᠤᠰᠤᠨ",
  "core.diff.value.condition.all": "ᠪᠦᠬᠦ ᠬᠠᠩᠭᠠᠬᠤ ({n} ᠵᠦᠢᠯ)",
  "core.diff.value.condition.any": "ᠠᠯᠢ ᠨᠢᠭᠡ ᠬᠠᠩᠭᠠᠬᠤ ({n} ᠵᠦᠢᠯ)",
  "core.diff.value.condition.not": "ᠬᠠᠩᠭᠠᠬᠤ ᠦᠭᠡᠢ᠄ {condition}",
  "core.diff.value.condition.optional": " (ᠣᠷᠬᠢᠵᠤ ᠪᠣᠯᠨ᠎ᠠ)",
  "core.diff.text.section.form": "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠬᠦᠰᠦᠨᠦᠭ",
  "core.diff.text.kind.added": "ᠨᠡᠮᠡᠭᠰᠡᠨ",
  "core.diff.text.kind.removed": "ᠤᠰᠲᠠᠭᠠᠭᠰᠠᠨ",
  "core.diff.text.kind.changed": "ᠵᠠᠰᠠᠭᠰᠠᠨ",
  "core.diff.text.kind.moved": "ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ",
  "core.diff.text.kind.renamed": "ᠨᠡᠷ᠎ᠡ ᠰᠣᠯᠢᠭᠰᠠᠨ",
  "core.diff.text.aspectChanged": "{label} ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ",
  "core.diff.text.conditionAdded": "{label}᠄ «{condition}» ᠢ ᠨᠡᠮᠡᠪᠡ",
  "core.diff.text.conditionRemoved": "{label}᠄ «{condition}» ᠢ ᠤᠰᠲᠠᠭᠠᠪᠠ",
  "core.diff.text.title": "ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠯᠠᠯᠤᠭ᠎ᠠ᠄ {from} → {to}",
  "core.diff.text.fromDefault": "ᠤᠭ ᠤᠨ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ",
  "core.diff.text.toDefault": "ᠰᠢᠨ᠎ᠡ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ",
  "core.diff.text.identical": "ᠬᠣᠶᠠᠷ ᠨᠢ ᠠᠳᠠᠯᠢ᠂ ᠯᠠᠯᠤᠭ᠎ᠠ ᠦᠭᠡᠢ᠃",
  "core.diff.text.summary.renamed": "᠂ ᠨᠡᠷ᠎ᠡ ᠰᠣᠯᠢᠭᠰᠠᠨ {n}",
  "core.diff.text.summary": "ᠨᠡᠶᠢᠲᠡ {total} ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠯᠲᠡ (ᠨᠡᠮᠡᠭᠰᠡᠨ {added}᠂ ᠤᠰᠲᠠᠭᠠᠭᠰᠠᠨ {removed}᠂ ᠵᠠᠰᠠᠭᠰᠠᠨ {changed}{renamed}᠂ ᠰᠢᠯᠵᠢᠭᠦᠯᠦᠭᠰᠡᠨ {moved})᠃",
  "core.diff.text.canAlterDecision.yes": "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠮᠡᠳᠡᠨ᠎ᠡ᠄ ᠲᠡᠢᠮᠦ (ᠬᠦᠰᠦᠨᠦᠭ ᠦᠨ ᠰᠢᠯᠭᠠᠯᠲᠠ᠂ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠳᠦᠷᠢᠮ᠂ ᠪᠠᠷᠢᠬᠤ ᠪᠠᠶᠢᠳᠠᠯ᠂ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠦᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠪᠤᠶᠤ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠰᠤᠪᠠᠭ ᠳᠤ ᠬᠠᠮᠠᠭᠠᠷᠠᠨ᠎ᠠ)᠃",
  "core.diff.text.canAlterDecision.no": "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠵᠦ ᠮᠡᠳᠡᠨ᠎ᠡ᠄ ᠦᠭᠡᠢ᠃",
};
