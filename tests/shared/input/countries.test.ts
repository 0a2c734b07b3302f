import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../shared/board/countries';
import { COUNTRY_ALIASES, COUNTRY_NAMES } from '../../../shared/input/country-names';
import { countryFit, countryNameOf, resolveCountry, searchCountries } from '../../../shared/input/country-search';

describe('country table', () => {
  it('names every code a board may use, and nothing else', () => {
    expect(new Set([...Object.keys(COUNTRY_NAMES), 'XX'])).toEqual(new Set(COUNTRY_CODES));
    for (const name of Object.values(COUNTRY_NAMES)) expect(name).toMatch(/^[^&]+$/);
  });

  it('points every other name at a code a board may use', () => {
    for (const code of Object.values(COUNTRY_ALIASES)) expect(COUNTRY_CODES.has(code)).toBe(true);
  });

  it('gives names in English', () => {
    expect(countryNameOf('IT')).toBe('Italy');
    expect(countryNameOf('CD')).toBe('Democratic Republic of the Congo');
    expect(countryNameOf('XX')).toMatch(/International waters/);
    expect(countryNameOf('QQ')).toBe('QQ');
  });
});

describe('resolveCountry', () => {
  it.each([
    ['Italy', 'IT'], ['italy', 'IT'], ['IT', 'IT'], ['it', 'IT'], [' Italy ', 'IT'], ['Ital', 'IT'], ['UK', 'GB'], ['United Kingdom', 'GB'],
    ['Ivory Coast', 'CI'], ["Cote d'Ivoire", 'CI'], ['Côte d’Ivoire', 'CI'], ['DRC', 'CD'], ['Turkey', 'TR'], ['Türkiye', 'TR'], ['xx', 'XX'],
    ['South Korea', 'KR'], ['in', 'IN'],
  ])('reads %j as %s', (text, code) => expect(resolveCountry(text)).toBe(code));

  it.each(['', 'Nig', 'Atlantis', 'QQ', 'Congo'])('leaves %j open', (text) => expect(resolveCountry(text)).toBeNull());
});

describe('searchCountries', () => {
  it('lists the exact code, then names that start with the text, then names with a word that does', () => {
    expect(searchCountries('ni').map((c) => c.code).slice(0, 1)).toEqual(['NI']);
    expect(searchCountries('ni').map((c) => c.code)).toEqual(expect.arrayContaining(['NE', 'NG']));
    const congo = searchCountries('congo').map((c) => c.code);
    expect(congo).toEqual(expect.arrayContaining(['CD', 'CG']));
    // "Guinea" itself, then the names that start with it, then those with a later word that does.
    expect(searchCountries('guinea').map((c) => c.code)).toEqual(['GN', 'GW', 'GQ', 'PG']);
  });

  it('lists everything by name for an empty text, within the limit', () => {
    expect(searchCountries('', 5).map((c) => c.name)).toEqual(['Afghanistan', 'Åland Islands', 'Albania', 'Algeria', 'American Samoa']);
  });

  it('finds nothing for text that fits no country', () => {
    expect(searchCountries('zzz')).toEqual([]);
  });

  it('tells how well one country fits, other names included', () => {
    expect(countryFit('IT', 'it')).toBe(0);
    expect(countryFit('IT', 'Italy')).toBe(0);
    expect(countryFit('GB', 'uk')).toBe(0);
    expect(countryFit('IT', 'ital')).toBe(1);
    expect(countryFit('ZA', 'africa')).toBe(2);
    expect(countryFit('IT', 'Italia')).toBeNull();
    expect(countryFit('IT', 'Italia', ['Italia'])).toBe(0);
    expect(countryFit('CI', "costa d'av", ['Costa d’Avorio'])).toBe(1);
    expect(countryFit('IT', '  ')).toBeNull();
  });
});
