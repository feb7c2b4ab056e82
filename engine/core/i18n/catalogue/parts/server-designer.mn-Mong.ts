import type { serverDesignerZhCN } from './server-designer.zh-CN.js';

/**
 * The same strings in traditional Mongolian script: DRAFT, awaiting review by the region's
 * translation office (自治区翻译机构), like every Mongolian string until it is listed as reviewed.
 */
export const serverDesignerMnMong: Record<keyof typeof serverDesignerZhCN, string> = {
  "server.designer.auth.signInFirst": "ᠡᠬᠢᠯᠡᠭᠡᠳ ᠨᠡᠪᠲᠡᠷᠡᠨ᠎ᠡ ᠦᠦ",
  "server.designer.params.badCode": "ᠬᠡᠷᠡᠭ ᠦᠨ ᠺᠣᠳ «{code}» ᠤᠨ ᠬᠡᠯᠪᠡᠷᠢ ᠪᠤᠷᠤᠭᠤ",
  "server.designer.params.badVersion": "ᠬᠤᠪᠢᠯᠪᠤᠷ ᠤᠨ ᠳᠤᠭᠠᠷ «{version}» ᠡᠶᠡᠷᠭᠦ ᠪᠦᠬᠦᠯᠢ ᠲᠣᠭ᠎ᠠ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.params.integerRange": "{param} ᠫᠠᠷᠠᠮᠧᠲᠷ {min}–{max} ᠤᠨ ᠬᠣᠭᠣᠷᠣᠨᠳᠤᠬᠢ ᠪᠦᠬᠦᠯᠢ ᠲᠣᠭ᠎ᠠ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ᠂ ᠢᠷᠡᠭᠰᠡᠨ ᠨᠢ «{value}»",
  "server.designer.params.repeated": "{param} ᠫᠠᠷᠠᠮᠧᠲᠷ ᠢ ᠵᠦᠪᠬᠡᠨ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠥᠭᠴᠦ ᠪᠣᠯᠣᠨ᠎ᠠ",
  "server.designer.params.notBoolean": "{param} ᠫᠠᠷᠠᠮᠧᠲᠷ true ᠪᠤᠶᠤ false ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.params.badRevision": "If-Match ᠨᠢ ᠨᠣᠣᠷᠠᠭ ᠤᠨ ᠵᠠᠰᠠᠪᠤᠷᠢ ᠶᠢᠨ ᠳᠤᠭᠠᠷ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ᠂ ᠵᠢᠱᠢᠶᠡᠯᠡᠪᠡᠯ \"3\"᠂ ᠢᠷᠡᠭᠰᠡᠨ ᠨᠢ «{value}»",
  "server.designer.items.noDepartment": "{code} ᠬᠡᠷᠡᠭ ᠲᠦ ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠢ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ ᠲᠤᠯᠠ ᠵᠦᠪᠬᠡᠨ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠵᠠᠰᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠢ ᠨᠥᠬᠥᠵᠦ ᠪᠢᠴᠢᠭᠦᠯᠬᠦ ᠪᠠᠷ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠨ᠎ᠠ ᠤᠤ",
  "server.designer.items.otherDepartment": "«{name}» ᠨᠢ {department} ᠳᠤ ᠬᠠᠷᠢᠶᠠᠯᠠᠭᠳᠠᠳᠠᠭ ᠲᠤᠯᠠ {itemDepartment} ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠵᠠᠰᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ",
  "server.designer.items.otherDepartmentUnassigned": "«{name}» ᠳᠤ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠲᠣᠭᠲᠠᠭᠠᠭᠠᠳᠤᠢ ᠲᠤᠯᠠ {itemDepartment} ᠤᠨ ᠬᠡᠷᠡᠭ ᠢ ᠵᠠᠰᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ",
  "server.designer.diff.badSide": "{param} ᠫᠠᠷᠠᠮᠧᠲᠷ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠤᠨ ᠳᠤᠭᠠᠷ (ᠡᠶᠡᠷᠭᠦ ᠪᠦᠬᠦᠯᠢ ᠲᠣᠭ᠎ᠠ) ᠪᠤᠶᠤ draft ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ᠂ ᠢᠷᠡᠭᠰᠡᠨ ᠨᠢ «{value}»",
  "server.designer.diff.nothingPublished": "{code} ᠬᠡᠷᠡᠭ ᠲᠦ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠠᠷᠢ ᠦᠭᠡᠢ᠂ from ᠢᠶᠠᠷ ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠬᠤ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠢ ᠵᠢᠭᠠᠨ᠎ᠠ ᠤᠤ",
  "server.designer.diff.draftLabel": "{code} ᠨᠣᠣᠷᠠᠭ ({revision} ᠳᠦᠭᠡᠷ ᠵᠠᠰᠠᠪᠤᠷᠢ)",
  "server.designer.diff.versionLabel": "{code} · {version} ᠳᠦᠭᠡᠷ ᠬᠤᠪᠢᠯᠪᠤᠷ",
  "server.designer.lists.noSuchList": "«{kind}» ᠭᠡᠬᠦ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ ({responsibility} responsibility᠂ {negative} negative)",
  "server.designer.reports.noSuchPeriod": "«{period}» ᠭᠡᠬᠦ ᠮᠡᠳᠡᠭᠡ ᠶᠢᠨ ᠦᠶ᠎ᠡ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ ({week} week᠂ {month} month)",
  "server.designer.reports.badKey": "key ᠫᠠᠷᠠᠮᠧᠲᠷ ᠦᠶ᠎ᠡ ᠶᠢᠨ ᠨᠡᠷᠡᠢᠳᠦᠯ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.reports.noSnapshot": "{key} ᠦᠶ᠎ᠡ ᠳᠦ ᠲᠠᠰᠤᠷᠬᠠᠢ ᠪᠠᠶᠢᠬᠤ ᠦᠭᠡᠢ",
  "server.designer.reports.jsonOrCsv": "ᠵᠦᠪᠬᠡᠨ JSON ᠪᠤᠶᠤ CSV ᠢ ᠬᠠᠩᠭᠠᠨ᠎ᠠ",
  "server.designer.claims.ownLocality": "«{name}» ᠵᠦᠪᠬᠡᠨ {division} ᠪᠠ ᠲᠡᠭᠦᠨ ᠦ ᠳᠣᠣᠷᠠᠬᠢ ᠨᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠲᠠ ᠶᠢ ᠬᠠᠮᠢᠶᠠᠷᠴᠤ ᠪᠣᠯᠣᠨ᠎ᠠ",
  "server.designer.claims.ownLocalityUnbound": "«{name}» ᠳᠤ ᠣᠷᠣᠨ ᠨᠤᠲᠤᠭ ᠤᠶᠠᠭᠠᠳᠤᠢ ᠲᠤᠯᠠ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠯᠲᠠ ᠶᠢ ᠬᠠᠮᠢᠶᠠᠷᠴᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ",
  "server.designer.campaign.badDeadline": "ᠡᠴᠦᠰ ᠦᠨ ᠪᠣᠭᠤᠵᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ",
  "server.designer.campaign.deadlineFormat": "YYYY-MM-DD ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.decisions.badVersion": "version ᠡᠶᠡᠷᠭᠦ ᠪᠦᠬᠦᠯᠢ ᠲᠣᠭ᠎ᠠ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.decisions.badOutcome": "outcome ᠨᠢ {outcomes} ᠤᠨ ᠨᠢᠭᠡ ᠨᠢ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.impact.nothingPublished": "{code} ᠬᠡᠷᠡᠭ ᠲᠦ ᠨᠡᠶᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠠᠷᠢ ᠦᠭᠡᠢ",
  "server.designer.impact.draftInvalid": "ᠨᠣᠣᠷᠠᠭ ᠰᠢᠭᠠᠷᠳᠠᠯᠭ᠎ᠠ ᠳᠤ ᠠᠷᠢ ᠨᠡᠶᠢᠴᠡᠭᠡᠳᠦᠢ ᠲᠤᠯᠠ ᠨᠥᠯᠥᠭᠡ ᠶᠢ ᠦᠨᠡᠯᠡᠵᠦ ᠳᠡᠶᠢᠯᠬᠦ ᠦᠭᠡᠢ",
  "server.designer.calendar.reasonTooLong": "reason ᠫᠠᠷᠠᠮᠧᠲᠷ {max} ᠦᠰᠦᠭ ᠡᠴᠡ ᠬᠡᠲᠦᠷᠡᠬᠦ ᠦᠭᠡᠢ ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.templates.tooLarge": "ᠬᠡᠪ ᠦᠨ ᠹᠠᠢᠯ ᠬᠡᠲᠦ ᠶᠡᠬᠡ (ᠳᠡᠭᠡᠳᠦ ᠬᠢᠵᠠᠭᠠᠷ {limit} ᠪᠠᠶᠢᠲ)",
  "server.designer.templates.rawBody": "ᠬᠦᠰᠡᠯᠲᠡ ᠶᠢᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠨᠢ ᠬᠡᠪ ᠦᠨ ᠹᠠᠢᠯ ᠤᠨ ᠤᠭ ᠪᠠᠶᠢᠲ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.templates.badFilename": "X-Filename ᠨᠢ encodeURIComponent ᠢᠶᠠᠷ ᠺᠣᠳᠴᠢᠯᠠᠭᠰᠠᠨ ᠹᠠᠢᠯ ᠤᠨ ᠨᠡᠷ᠎ᠡ ᠪᠠᠶᠢᠬᠤ ᠶᠣᠰᠣᠲᠠᠢ",
  "server.designer.web.notBuilt": "ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠴᠢ ᠶᠢ ᠠᠷᠢ ᠪᠦᠲᠦᠭᠡᠭᠡᠳᠦᠢ᠄ ᠡᠬᠢᠯᠡᠭᠡᠳ npm run build:designer-web ᠢ ᠠᠵᠢᠯᠯᠠᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ (The designer is not built: run npm run build:designer-web)",
};
