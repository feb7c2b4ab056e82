import type { webKitZhCN } from './web-kit.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const webKitMnMong: Record<keyof typeof webKitZhCN, string> = {
  "webkit.api.status": "ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ {status} ᠢ ᠬᠠᠷᠢᠭᠤᠯᠪᠠ",
  "webkit.api.network": "ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ ᠲᠠᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠶᠢ ᠱᠠᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ",
  "webkit.advice.unknown": "ᠪᠤᠷᠤᠭᠤ ᠭᠠᠷᠪᠠ᠄ {message}᠃ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.network": "ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ ᠲᠠᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠶᠢ ᠱᠠᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.unauthorized": "ᠨᠡᠪᠲᠡᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ ᠪᠤᠶᠤ ᠲᠡᠮᠳᠡᠭ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ᠃ ᠳᠠᠬᠢᠨ ᠨᠡᠪᠲᠡᠷᠡᠨ᠎ᠡ ᠦᠦ᠃",
  "webkit.advice.forbidden": "ᠡᠷᠬᠡ ᠦᠭᠡᠢ᠄ {message}᠃ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠵᠤ ᠲᠠᠨ ᠤ ᠦᠦᠷᠭᠡ ᠪᠠ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠢ ᠪᠠᠲᠤᠯᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.notFound": "{message}᠃ ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠤᠰᠲᠠᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠵᠤ ᠮᠡᠳᠡᠨ᠎ᠡ᠂ ᠬᠡᠷᠡᠭ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠤᠴᠠᠵᠤ ᠰᠢᠨᠡᠴᠢᠯᠡᠨ᠎ᠡ ᠦᠦ᠃",
  "webkit.advice.refresh": "{message}᠃ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠡᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.tooLarge": "ᠠᠭᠤᠯᠭ᠎ᠠ ᠬᠡᠲᠦ ᠶᠡᠬᠡ᠂ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠲᠣᠪᠴᠢᠯᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.unsupportedType": "{message}᠃ ᠳᠡᠮᠵᠢᠬᠦ ᠹᠠᠢᠯ ᠤᠨ ᠲᠥᠷᠥᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ ᠦᠦ᠃",
  "webkit.advice.invalid": "{message}᠃ ᠳᠣᠣᠷ᠎ᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠰᠡᠨ ᠠᠰᠠᠭᠤᠳᠠᠯ ᠤᠨ ᠳᠠᠭᠠᠭᠤ ᠵᠠᠰᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.advice.other": "{message} ({status})᠃ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠄ ᠮᠥᠨ ᠯᠡ ᠪᠦᠲᠦᠬᠦ ᠦᠭᠡᠢ ᠪᠣᠯ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠨ᠎ᠠ ᠤᠤ᠃",
  "webkit.form.arrayItem": "ᠵᠦᠢᠯ",
  "webkit.form.emptyArray": "ᠣᠳᠣ ᠪᠣᠯᠲᠠᠯ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠳᠣᠣᠷᠠᠬᠢ ᠳᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠨᠡᠮᠡᠨ᠎ᠡ ᠦᠦ᠃",
  "webkit.form.yes": "ᠲᠡᠢᠮᠦ",
  "webkit.form.no": "ᠦᠭᠡᠢ",
  "webkit.form.close": "ᠬᠠᠭᠠᠬᠤ",
  "webkit.form.errors": "ᠪᠤᠷᠤᠭᠤ",
  "webkit.form.add": "ᠨᠡᠮᠡᠬᠦ",
  "webkit.form.addItem": "ᠨᠢᠭᠡ ᠵᠦᠢᠯ ᠨᠡᠮᠡᠬᠦ",
  "webkit.form.copy": "ᠬᠤᠭᠤᠯᠬᠤ",
  "webkit.form.moveDown": "ᠳᠣᠣᠭᠰᠢ ᠵᠥᠭᠡᠬᠦ",
  "webkit.form.moveUp": "ᠳᠡᠭᠡᠭᠰᠢ ᠵᠥᠭᠡᠬᠦ",
  "webkit.form.remove": "ᠤᠰᠲᠠᠭᠠᠬᠤ",
  "webkit.form.clear": "ᠠᠷᠢᠯᠭᠠᠬᠤ",
  "webkit.form.now": "ᠣᠳᠣ",
  "webkit.form.optionalAdd": "ᠡᠨᠡ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠡᠭᠯᠡᠬᠦ",
  "webkit.form.optionalRemove": "ᠡᠨᠡ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠵᠦᠢᠯ ᠢ ᠬᠠᠰᠤᠬᠤ",
  "webkit.form.optionalEmpty": "ᠪᠥᠭᠡᠭᠯᠡᠭᠡ ᠦᠭᠡᠢ",
  "webkit.form.fallbackTitle": "ᠬᠦᠰᠦᠨᠦᠭ",
  "webkit.router.leaveQuestion": "ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠠᠳᠦᠢ ᠵᠠᠰᠠᠪᠤᠷᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃ ᠭᠠᠷᠪᠠᠯ ᠡᠳᠡ ᠵᠠᠰᠠᠪᠤᠷᠢ ᠠᠯᠳᠠᠭᠳᠠᠨ᠎ᠠ᠂ ᠮᠥᠨ ᠭᠠᠷᠬᠤ ᠤᠤ?",
};
