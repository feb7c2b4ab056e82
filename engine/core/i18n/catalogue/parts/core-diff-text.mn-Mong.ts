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
} as const;
