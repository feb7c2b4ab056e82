/**
 * 行政区划代码 (GB/T 2260) and their 统计用区划代码 extensions, read by shape only.
 *
 * 6 digits: province (2) + prefecture (2) + county (2), zero-filled above the county level.
 * The NBS statistical codes add a 3-digit township and a 3-digit village part (12 digits).
 * Nothing here looks codes up in a list: the hierarchy is in the digits, which keeps these
 * functions usable for historic codes and for places the bundled list does not contain.
 *
 * @module
 */

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';

// How many leading digits a division shares with everything under it.
const PREFIX_LENGTH: Readonly<Record<DivisionLevel, number>> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
  village: 12,
};

/**
 * The shortest form of a code, or null if it is not a division code.
 *
 * The region's portal (zwfw.nmg.gov.cn) and the NBS tables pad every code to 12 digits:
 * `150822000000` is the county 150822 and `150102001000` the township 150102001. Village
 * and township sequence numbers start at 001, so trailing zeros are always padding.
 */
export function normalizeDivisionCode(code: string): string | null {
  if (typeof code !== 'string') return null;
  let short = code;
  if (/^\d{12}$/.test(code)) {
    if (code.endsWith('000000')) short = code.slice(0, 6);
    else if (code.endsWith('000')) short = code.slice(0, 9);
  }
  return levelOfShortCode(short) === null ? null : short;
}

export function divisionLevel(code: string): DivisionLevel | null {
  const short = normalizeDivisionCode(code);
  return short === null ? null : levelOfShortCode(short);
}

/**
 * True when `code` is `ancestor` or lies under it, e.g. 150102 (新城区) within 150100
 * (呼和浩特市) and 150000 (内蒙古自治区). Invalid codes are never within anything.
 */
export function isDivisionWithin(code: string, ancestor: string): boolean {
  const short = normalizeDivisionCode(code);
  const ancestorShort = normalizeDivisionCode(ancestor);
  if (short === null || ancestorShort === null) return false;
  if (short === ancestorShort) return true;
  const level = levelOfShortCode(ancestorShort);
  if (level === null) return false;
  // A shared prefix plus the zero-filled tail of the ancestor means `code` is strictly deeper.
  return short.startsWith(ancestorShort.slice(0, PREFIX_LENGTH[level]));
}

/**
 * The code one level up, in short form, or null for a province or an invalid code.
 *
 * Read from the digits, so the result can be a grouping code rather than a division of its
 * own: a county-level city directly under a province (prefecture digits 90) gets `xx9000`,
 * and a district of a municipality gets its `xx0100` 市辖区 code. Look results up in a
 * division list before showing them as a place name.
 */
export function parentDivisionCode(code: string): string | null {
  const short = normalizeDivisionCode(code);
  if (short === null) return null;
  switch (levelOfShortCode(short)) {
    case 'village':
      return short.slice(0, 9);
    case 'township':
      return short.slice(0, 6);
    case 'county':
      return `${short.slice(0, 4)}00`;
    case 'prefecture':
      return `${short.slice(0, 2)}0000`;
    default:
      return null;
  }
}

function levelOfShortCode(code: string): DivisionLevel | null {
  if (/^\d{12}$/.test(code)) {
    return code.endsWith('000') || levelOfShortCode(code.slice(0, 9)) !== 'township' ? null : 'village';
  }
  if (/^\d{9}$/.test(code)) {
    // Townships usually sit under a county, but a few prefecture-level cities without
    // counties (e.g. 东莞 441900) have towns directly under them.
    const parent = levelOfShortCode(code.slice(0, 6));
    return code.endsWith('000') || (parent !== 'county' && parent !== 'prefecture') ? null : 'township';
  }
  if (!/^\d{6}$/.test(code) || code.startsWith('00')) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  // A county always belongs to a prefecture or a province-level group code; `xx00yy` is unused.
  return code.slice(2, 4) === '00' ? null : 'county';
}
