import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, EU_MEMBERS, isCountryCode, isEuMember } from '../../../shared/board/countries';

describe('country codes', () => {
  it('holds the 249 assigned ISO 3166-1 alpha-2 codes plus XX', () => {
    expect(COUNTRY_CODES.size).toBe(250);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('accepts assigned upper-case codes and XX', () => {
    for (const code of ['CN', 'CD', 'AU', 'GR', 'XX', 'SS', 'BQ', 'TW']) expect(isCountryCode(code)).toBe(true);
  });

  it('rejects lower case, reserved and non-string values', () => {
    for (const value of ['cn', 'EU', 'UK', 'EL', 'ZZ', 'XK', 'CHN', '', null, 42]) expect(isCountryCode(value)).toBe(false);
  });

  it('knows the 27 EU members, all of them valid codes', () => {
    expect(EU_MEMBERS.size).toBe(27);
    for (const code of EU_MEMBERS) expect(isCountryCode(code)).toBe(true);
    expect(isEuMember('GR')).toBe(true);
    expect(isEuMember('DE')).toBe(true);
    expect(isEuMember('GB')).toBe(false);
    expect(isEuMember('NO')).toBe(false);
    expect(isEuMember('CN')).toBe(false);
  });
});
