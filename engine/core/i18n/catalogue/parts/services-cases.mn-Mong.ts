import type { servicesCasesZhCN } from './services-cases.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const servicesCasesMnMong: Record<keyof typeof servicesCasesZhCN, string> = {
  "services.cases.event.textLength.comment": "ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠨᠢ 1–{max} ᠦᠰᠦᠭ ᠲᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.textLength.trackingNumber": "ᠰᠢᠤᠳᠠᠨ ᠤ ᠳᠤᠭᠠᠷ ᠨᠢ 1–{max} ᠦᠰᠦᠭ ᠲᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.textLength.resultNumber": "ᠦᠨᠡᠮᠯᠡᠯ ᠪᠤᠶᠤ ᠪᠢᠴᠢᠭ ᠦᠨ ᠳᠤᠭᠠᠷ ᠨᠢ 1–{max} ᠦᠰᠦᠭ ᠲᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.textLength.reason": "ᠱᠢᠯᠲᠠᠭᠠᠨ ᠨᠢ 1–{max} ᠦᠰᠦᠭ ᠲᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.textLength.recipient": "ᠭᠠᠷ ᠤᠨ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠵᠤ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠴᠢ ᠨᠢ 1–{max} ᠦᠰᠦᠭ ᠲᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.typeChoice": "ᠪᠠᠷᠢᠭᠳᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠦᠶᠡᠯ ᠶᠠᠪᠤᠳᠠᠯ ᠨᠢ {choices} ᠶᠢᠨ ᠨᠢᠭᠡ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.invalid": "ᠪᠠᠷᠢᠭᠳᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠦᠶᠡᠯ ᠶᠠᠪᠤᠳᠠᠯ ᠪᠤᠷᠤᠭᠤ",
  "services.cases.event.originalsTracking": "ᠲᠤᠰ ᠬᠡᠷᠡᠭ ᠲᠦ ᠴᠠᠭᠠᠰᠤᠨ ᠵᠢᠩᠬᠢᠨᠢ ({originals}) ᠶᠢ ᠰᠢᠤᠳᠠᠩᠳᠠᠬᠤ ᠬᠡᠷᠡᠭᠲᠡᠢ᠂ ᠰᠢᠤᠳᠠᠨ ᠤ ᠳᠤᠭᠠᠷ ᠢ ᠪᠥᠭᠡᠭᠯᠡᠨ᠎ᠡ ᠦᠦ",
  "services.cases.event.decisionResult": "ᠬᠢᠨᠠᠵᠤ ᠪᠠᠲᠤᠯᠠᠭᠰᠠᠨ ᠦᠷ᠎ᠡ ᠳᠦᠨ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠄ {choices}",
  "services.cases.event.refusalReason": "ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ (ᠪᠠᠷᠢᠬᠤ ᠦᠭᠡᠢ) ᠪᠣᠯ ᠱᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠲᠠᠶᠢᠯᠪᠤᠷᠢᠯᠠᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.deliveryMethod": "ᠬᠦᠷᠭᠡᠬᠦ ᠠᠷᠭ᠎ᠠ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠄ {choices}",
  "services.cases.event.postTracking": "ᠰᠢᠤᠳᠠᠩ ᠢᠶᠠᠷ ᠬᠦᠷᠭᠡᠬᠦ ᠳᠤ ᠰᠢᠤᠳᠠᠨ ᠤ ᠳᠤᠭᠠᠷ ᠢ ᠪᠥᠭᠡᠭᠯᠡᠬᠦ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.supplementBy": "ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠨᠥᠭᠦᠬᠦ ᠠᠮᠠᠯᠠᠭᠰᠠᠨ ᠪᠣᠭᠤᠵᠢ ᠶᠢ ᠪᠥᠭᠡᠭᠯᠡᠨ᠎ᠡ ᠦᠦ (ᠡᠳᠦᠷ᠂ YYYY-MM-DD)",
  "services.cases.event.materials": "ᠨᠥᠭᠦᠭᠰᠡᠨ ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ",
  "services.cases.event.returnReason": "ᠪᠤᠴᠠᠭᠠᠬᠤ ᠳᠤ ᠱᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠲᠠᠶᠢᠯᠪᠤᠷᠢᠯᠠᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.event.voidReason": "ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ ᠳᠤ ᠱᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠲᠠᠶᠢᠯᠪᠤᠷᠢᠯᠠᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.book.noSuchCase": "{caseNumber} ᠪᠠᠷᠢᠭᠳᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ",
  "services.cases.book.chainBroken": "{caseNumber} ᠪᠠᠷᠢᠭᠳᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠰᠢᠯᠵᠢᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠰᠢᠯᠭᠠᠯᠲᠠ ᠳᠤ ᠲᠡᠨᠴᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ (ᠳᠤᠭᠠᠷ {seq} ᠠᠯᠬᠤᠮ᠄ {problem})᠂ ᠰᠢᠯᠵᠢᠯᠲᠡ ᠶᠢ ᠵᠣᠭᠰᠣᠭᠠᠪᠠ᠂ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠨ᠎ᠠ ᠤᠤ",
  "services.cases.book.receivingWindow": "ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠭᠠᠵᠠᠷ {place} ᠤᠨ ᠴᠣᠩᠬᠤ",
  "services.cases.book.handlingWindow": "ᠪᠠᠷᠢᠬᠤ ᠭᠠᠵᠠᠷ {place} ᠤᠨ ᠴᠣᠩᠬᠤ",
  "services.cases.book.departmentAt": "{department} ({place})",
  "services.cases.book.anyWindow": "ᠲᠤᠰ ᠣᠷᠣᠨ ᠤ ᠠᠯᠢᠪᠠ ᠵᠠᠰᠠᠭ ᠲᠥᠷᠦ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡᠨ ᠦ ᠲᠥᠪ ᠦᠨ ᠴᠣᠩᠬᠤ",
  "services.cases.book.wrongPlace": "「{event}」 ᠢ {places} ᠪᠠᠷᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ᠂ 「{name}」 ᠳᠤ ᠪᠠᠷᠢᠬᠤ ᠡᠷᠬᠡ ᠦᠭᠡᠢ",
  "services.cases.labelWithCode": "{label} ({code})",
  "services.cases.book.eventNotAllowed": "{caseNumber} ᠪᠠᠷᠢᠭᠳᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠨ ᠣᠳᠣᠬᠠᠨ ᠤ ᠪᠠᠶᠢᠳᠠᠯ ᠨᠢ 「{status}」 ᠲᠤᠯᠠ 「{event}」 ᠢ ᠪᠠᠷᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃ ᠣᠳᠣ ᠪᠠᠷᠢᠵᠤ ᠪᠣᠯᠬᠤ᠄ {allowed}",
  "services.cases.book.noVersions": "ᠲᠤᠰ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠳᠦ ᠬᠡᠷᠡᠭ ᠦᠨ ᠬᠡᠪ ᠢ ᠵᠠᠯᠭᠠᠭᠠᠳᠦᠢ ᠲᠤᠯᠠ ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠶᠢ ᠪᠠᠷᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ",
  "services.cases.supplement.versionChoice": "ᠬᠢᠨᠠᠨ ᠪᠠᠶᠢᠴᠠᠭᠠᠬᠤ ᠬᠡᠪ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠄ {choices}",
  "services.cases.supplement.materialsList": "ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠨᠢ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠤᠨ ᠳᠤᠭᠠᠷ ᠤᠨ ᠵᠢᠭ᠌ᠰᠠᠭᠠᠯᠲᠠ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.supplement.formData": "ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠬᠦᠰᠦᠨᠦᠭᠲᠦ ᠶᠢᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠨᠢ ᠣᠪᠢᠶᠧᠺᠲ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.supplement.commentLength": "ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠨᠢ {max} ᠦᠰᠦᠭ ᠡᠴᠡ ᠬᠡᠲᠦᠷᠡᠬᠦ ᠦᠭᠡᠢ ᠪᠢᠴᠢᠭ᠌ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "services.cases.supplement.invalid": "ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠤᠷᠤᠭᠤ",
  "services.cases.supplement.nothingHandedIn": "ᠨᠥᠬᠥᠵᠦ ᠲᠤᠰᠢᠶᠠᠭᠰᠠᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠰᠣᠩᠭᠣᠬᠤ ᠪᠤᠶᠤ ᠬᠦᠰᠦᠨᠦᠭᠲᠦ ᠶᠢᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ",
  "services.cases.supplement.materialsInvalid": "ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠪᠤᠷᠤᠭᠤ",
  "services.cases.supplement.unknownMaterial": "「{id}」 ᠨᠢ ᠲᠤᠰ ᠬᠡᠷᠡᠭ ᠦᠨ (ᠳᠤᠭᠠᠷ {version} ᠬᠡᠪ) ᠥᠷᠭᠦᠳᠬᠡᠯ ᠦᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠪᠢᠰᠢ",
  "services.cases.supplement.redirect": "「{name}」 ᠤᠨ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠬᠡᠪ ᠢ ᠬᠣᠯᠪᠣᠭᠠᠲᠤ ᠴᠣᠩᠬᠤ ᠳᠤ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ᠂ ᠥᠷᠭᠦᠳᠬᠡᠯ ᠭᠠᠷᠭᠠᠭᠴᠢ ᠶᠢ {where} ᠳᠤ ᠬᠥᠲᠥᠯᠵᠦ ᠪᠠᠷᠢᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ",
  "services.cases.redirect.anyChannel": "ᠵᠣᠬᠢᠬᠤ ᠰᠤᠪᠠᠭ",
};
