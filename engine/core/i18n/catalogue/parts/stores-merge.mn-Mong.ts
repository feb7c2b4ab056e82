import type { storesMergeZhCN } from './stores-merge.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const storesMergeMnMong: Record<keyof typeof storesMergeZhCN, string> = {
  // engine/core/merge/item-merge.ts
  "core.merge.deleted": "（ᠬᠠᠰᠤᠭᠳᠠᠪᠠ）",
  "core.merge.empty": "（ᠬᠣᠭᠤᠰᠤᠨ）",
  "core.merge.field": "「{name}」 ᠲᠠᠯᠠᠪᠤᠷ",
  "core.merge.nthRule": "{n} ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ",
  "core.merge.other": "ᠪᠤᠰᠤᠳ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ",
  "core.merge.rule.name": "ᠳᠦᠷᠢᠮ ᠦᠨ ᠲᠡᠮᠳᠡᠭ",
  "core.merge.rule.title": "ᠳᠦᠷᠢᠮ ᠦᠨ ᠨᠡᠷ᠎ᠡ",
  "core.merge.rule.enabled": "ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠡᠰᠡᠬᠦ",
  "core.merge.rule.params": "ᠫᠠᠷᠠᠮᠧᠲ᠋ᠷ",
  "core.merge.rule.message": "ᠰᠠᠨᠠᠭᠤᠯᠬᠤ ᠦᠭᠡ",
  "core.merge.rule.fact": "ᠳᠦᠭᠦᠮ ᠬᠢᠬᠦ ᠵᠦᠢᠯ",
  "core.merge.rule.operator": "ᠳᠦᠭᠦᠮ ᠬᠢᠬᠦ ᠠᠷᠭ᠎ᠠ",
  "core.merge.rule.path": "ᠤᠲᠤᠭ᠎ᠠ ᠠᠪᠬᠤ ᠵᠠᠮ",
  "core.merge.rule.optional": "ᠳᠤᠲᠠᠭᠤ ᠪᠣᠯ ᠬᠠᠩᠭᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ ᠭᠡᠵᠦ ᠦᠵᠡᠨ᠎ᠡ",
  "core.merge.example.name": "ᠵᠢᠱᠢᠶ᠎ᠡ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ",
  "core.merge.example.input": "ᠣᠷᠤᠭᠤᠯᠬᠤ",
  "core.merge.example.expect": "ᠬᠦᠯᠢᠶᠡᠬᠦ",
  "core.merge.example.date": "ᠪᠠᠷᠢᠬᠤ ᠡᠳᠦᠷ",
  "core.merge.example.channel": "ᠰᠤᠪᠠᠭ",
  "core.merge.example.creditBlacklisted": "ᠢᠳᠡᠭᠡᠯ ᠡᠪᠳᠡᠭᠰᠡᠨ ᠨᠡᠷᠡᠰ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ",
  "core.merge.example.missingMaterials": "ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ",
  "core.merge.example.fieldErrors": "ᠪᠤᠷᠤᠭᠤ ᠲᠠᠯᠠᠪᠤᠷ",
  "core.merge.example.firedRules": "ᠬᠦᠳᠡᠯᠦᠭᠰᠡᠨ ᠳᠦᠷᠢᠮ",
  "core.merge.form.uiSchema": "ᠢᠯᠡᠷᠡᠬᠦ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ",
  "core.merge.form.applicant": "ᠥᠭᠡᠳᠦᠯ ᠭᠠᠷᠭᠠᠭᠴᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠠᠪᠬᠤ ᠡᠬᠢ",
  "core.merge.form.order": "ᠲᠠᠯᠠᠪᠤᠷ ᠤᠨ ᠳᠠᠷᠠᠭᠠᠯᠠᠯ",
  "core.merge.form.widget": "ᠡᠵᠡᠮᠳᠡᠯ ᠦᠨ ᠬᠡᠰᠡᠭ",
  "core.merge.form.widgetOptions": "ᠡᠵᠡᠮᠳᠡᠯ ᠦᠨ ᠬᠡᠰᠡᠭ ᠦᠨ ᠰᠣᠩᠭᠣᠯᠲᠠ",
  "core.merge.form.required": "ᠵᠠᠪᠠᠯ ᠳᠠᠭᠤᠷᠭᠠᠬᠤ ᠲᠠᠯᠠᠪᠤᠷ",
  "core.merge.ruleValue": "ᠨᠥᠬᠥᠴᠡᠯ: {conditions}᠃ ᠦᠷ᠎ᠡ ᠳᠦᠩ: {outcome}",
  "core.merge.fieldValue": "「{name}」 ᠲᠠᠯᠠᠪᠤᠷ（{type}）",
  "core.merge.noFormLogic": "（ᠬᠦᠰᠦᠨᠦᠭ ᠦᠨ ᠯᠣᠭᠢᠭ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ）",
  "core.merge.handWrittenLogic": "ᠪᠠᠰᠠ ᠭᠠᠷ ᠢᠶᠠᠷ ᠪᠢᠴᠢᠭᠰᠡᠨ {n} ᠬᠦᠰᠦᠨᠦᠭ ᠦᠨ ᠯᠣᠭᠢᠭ ᠪᠠᠢᠨ᠎ᠠ",
  "core.merge.entry": "{label}: {value}",
  "core.merge.titledValue": "「{title}」（{text}）",
} as const;
