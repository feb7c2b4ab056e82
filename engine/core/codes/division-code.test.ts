import { describe, expect, it } from 'vitest';
import { divisionLevel, isDivisionWithin, normalizeDivisionCode, parentDivisionCode } from './division-code.js';

// Inner Mongolia's 12 盟市 and 103 旗县市区, from /work/shared/reference/inner-mongolia-divisions.json.
const INNER_MONGOLIA: Readonly<Record<string, readonly string[]>> = {
  '150100': ['150102', '150103', '150104', '150105', '150121', '150122', '150123', '150124', '150125'],
  '150200': ['150202', '150203', '150204', '150205', '150206', '150207', '150221', '150222', '150223'],
  '150300': ['150302', '150303', '150304'],
  '150400': ['150402', '150403', '150404', '150421', '150422', '150423', '150424', '150425', '150426', '150428', '150429', '150430'],
  '150500': ['150502', '150521', '150522', '150523', '150524', '150525', '150526', '150581'],
  '150600': ['150602', '150603', '150621', '150622', '150623', '150624', '150625', '150626', '150627'],
  '150700': ['150702', '150703', '150721', '150722', '150723', '150724', '150725', '150726', '150727', '150781', '150782', '150783', '150784', '150785'],
  '150800': ['150802', '150821', '150822', '150823', '150824', '150825', '150826'],
  '150900': ['150902', '150921', '150922', '150923', '150924', '150925', '150926', '150927', '150928', '150929', '150981'],
  '152200': ['152201', '152202', '152221', '152222', '152223', '152224'],
  '152500': ['152501', '152502', '152522', '152523', '152524', '152525', '152526', '152527', '152528', '152529', '152530', '152531'],
  '152900': ['152921', '152922', '152923'],
};

describe('divisionLevel', () => {
  it('reads the level from the shape of the code', () => {
    expect(divisionLevel('150000')).toBe('province');
    expect(divisionLevel('150100')).toBe('prefecture');
    expect(divisionLevel('152900')).toBe('prefecture');
    expect(divisionLevel('150102')).toBe('county');
    expect(divisionLevel('150102001')).toBe('township');
    expect(divisionLevel('150102001001')).toBe('village');
  });

  it('treats the portal’s 12-digit padding as the short code', () => {
    expect(divisionLevel('150000000000')).toBe('province');
    expect(divisionLevel('150822000000')).toBe('county');
    expect(divisionLevel('150102001000')).toBe('township');
  });

  it('rejects malformed codes', () => {
    for (const code of ['', '15010', '1501020', '15A102', '000000', '150001', '150102000', '1501020010', ' 150102']) {
      expect(divisionLevel(code), code).toBeNull();
    }
    expect(divisionLevel(150102 as unknown as string)).toBeNull();
  });
});

describe('normalizeDivisionCode', () => {
  it('strips padding and keeps short codes', () => {
    expect(normalizeDivisionCode('150822000000')).toBe('150822');
    expect(normalizeDivisionCode('150102001000')).toBe('150102001');
    expect(normalizeDivisionCode('150102001002')).toBe('150102001002');
    expect(normalizeDivisionCode('150100')).toBe('150100');
    expect(normalizeDivisionCode('15010')).toBeNull();
  });
});

describe('isDivisionWithin', () => {
  it('places a district under its city and the region', () => {
    expect(isDivisionWithin('150102', '150100')).toBe(true);
    expect(isDivisionWithin('150102', '150000')).toBe(true);
    expect(isDivisionWithin('150102', '150102')).toBe(true);
    expect(isDivisionWithin('150102', '150200')).toBe(false);
    expect(isDivisionWithin('152921', '152900')).toBe(true);
    expect(isDivisionWithin('150102001', '150102')).toBe(true);
    expect(isDivisionWithin('150102001', '150100')).toBe(true);
    expect(isDivisionWithin('150102001001', '150102001')).toBe(true);
  });

  it('is not symmetric and ignores padding', () => {
    expect(isDivisionWithin('150100', '150102')).toBe(false);
    expect(isDivisionWithin('150000', '150100')).toBe(false);
    expect(isDivisionWithin('150822000000', '150800')).toBe(true);
    expect(isDivisionWithin('150822', '150800000000')).toBe(true);
    expect(isDivisionWithin('150102001', '150102002')).toBe(false);
    expect(isDivisionWithin('150102', '210000')).toBe(false);
  });

  it('is false for invalid codes', () => {
    expect(isDivisionWithin('15010', '150000')).toBe(false);
    expect(isDivisionWithin('150102', '15')).toBe(false);
  });

  it('places every Inner Mongolia county in exactly its own league or city', () => {
    const leagues = Object.keys(INNER_MONGOLIA);
    expect(leagues).toHaveLength(12);
    expect(Object.values(INNER_MONGOLIA).flat()).toHaveLength(103);
    for (const [league, counties] of Object.entries(INNER_MONGOLIA)) {
      expect(divisionLevel(league)).toBe('prefecture');
      expect(parentDivisionCode(league)).toBe('150000');
      for (const county of counties) {
        expect(divisionLevel(county), county).toBe('county');
        expect(parentDivisionCode(county), county).toBe(league);
        expect(isDivisionWithin(county, '150000'), county).toBe(true);
        expect(leagues.filter((l) => isDivisionWithin(county, l)), county).toEqual([league]);
      }
    }
  });
});

describe('parentDivisionCode', () => {
  it('walks up one level at a time, in short form', () => {
    expect(parentDivisionCode('150102001001')).toBe('150102001');
    expect(parentDivisionCode('150102001')).toBe('150102');
    expect(parentDivisionCode('150102001000')).toBe('150102');
    expect(parentDivisionCode('150102')).toBe('150100');
    expect(parentDivisionCode('150100')).toBe('150000');
    expect(parentDivisionCode('150000')).toBeNull();
    expect(parentDivisionCode('bad')).toBeNull();
  });
});
