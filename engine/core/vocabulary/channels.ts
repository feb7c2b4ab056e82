import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** The kind of window that accepts an item (受理渠道). */
export const CHANNELS = ['comprehensive-window', 'police-station'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channel's name; the item-standard schema carries the same titles (a test keeps them equal). */
export const channels = defineVocabulary('channel', CHANNELS, {
  'comprehensive-window': { 'zh-CN': '政务服务中心“全区通办”综合窗口', 'mn-Mong': 'ᠵᠠᠰᠠᠭ ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡᠨ ᠦ ᠲᠥᠪ ᠦᠨ “ᠬᠠᠮᠤᠭ ᠣᠷᠤᠨ ᠳᠤ ᠬᠠᠮᠲᠤ ᠪᠠᠷᠢᠬᠤ” ᠬᠠᠮᠲᠤ ᠴᠣᠩᠬᠤ' },
  'police-station': { 'zh-CN': '户籍地或居住地公安派出所', 'mn-Mong': 'ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠭᠠᠵᠠᠷ ᠪᠤᠶᠤ ᠰᠠᠭᠤᠭ᠎ᠠ ᠭᠠᠵᠠᠷ ᠤᠨ ᠴᠠᠭᠳᠠᠭ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ' },
});

/** Where an applicant goes for the channel: the service guide's 受理渠道 and a redirect's 请到…办理. */
export const channelPlaces = defineVocabulary('channel place', CHANNELS, {
  'comprehensive-window': { 'zh-CN': '全区任一政务服务中心“全区通办”综合窗口', 'mn-Mong': 'ᠬᠠᠮᠤᠭ ᠣᠷᠤᠨ ᠤ ᠠᠯᠢ ᠨᠢᠭᠡ ᠵᠠᠰᠠᠭ ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡᠨ ᠦ ᠲᠥᠪ ᠦᠨ “ᠬᠠᠮᠤᠭ ᠣᠷᠤᠨ ᠳᠤ ᠬᠠᠮᠲᠤ ᠪᠠᠷᠢᠬᠤ” ᠬᠠᠮᠲᠤ ᠴᠣᠩᠬᠤ' },
  'police-station': { 'zh-CN': '户籍地或居住地公安派出所', 'mn-Mong': 'ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠪᠦᠷᠢᠳᠬᠡᠯ ᠦᠨ ᠭᠠᠵᠠᠷ ᠪᠤᠶᠤ ᠰᠠᠭᠤᠭ᠎ᠠ ᠭᠠᠵᠠᠷ ᠤᠨ ᠴᠠᠭᠳᠠᠭ ᠤᠨ ᠰᠠᠯᠪᠤᠷᠢ' },
});

export const isChannel = (value: unknown): value is Channel => isCodeOf(channels, value);
