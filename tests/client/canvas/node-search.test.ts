import { describe, expect, it } from 'vitest';
import { countryLabel, countryMatch, localCountryName, searchNodes } from '../../../client/canvas/node-search';
import type { BoardNode } from '../../../shared/board/types';

const node = (id: string, country: string, label = `Site ${id}`): BoardNode => ({ id, kind: 'mine', label, country, position: { x: 0, y: 0 } });
const nodes = [node('cn', 'CN'), node('cd', 'CD'), node('ci', 'CI'), node('de', 'DE'), node('gb', 'GB'), node('xx', 'XX')];
const ids = (q: string, locale: string) => searchNodes(nodes, q, { locale }).map((m) => m.node.id);

describe('countryMatch', () => {
  it('matches the code in any case, whole', () => {
    expect(countryMatch('CN', 'cn', 'en')).toBe(0);
    expect(countryMatch('CN', ' CN ', 'it')).toBe(0);
    expect(countryMatch('CN', 'c', 'en')).toBeNull();
  });

  it('matches the country table\'s name and its other names, whole or from the start of a word (3 letters on)', () => {
    expect(countryMatch('CD', 'Democratic Republic of the Congo', 'en')).toBe(0);
    expect(countryMatch('CD', 'drc', 'en')).toBe(0);
    expect(countryMatch('GB', 'UK', 'en')).toBe(0);
    expect(countryMatch('CI', "cote d'ivoire", 'en')).toBe(0);
    expect(countryMatch('CI', 'ivory coast', 'en')).toBe(0);
    expect(countryMatch('CN', 'chi', 'en')).toBe(1);
    expect(countryMatch('CD', 'congo', 'en')).toBe(1);
    expect(countryMatch('CN', 'ch', 'en')).toBeNull();
    expect(countryMatch('DE', 'many', 'en')).toBeNull();
  });

  it('matches the browser\'s name in the page\'s language', () => {
    expect(countryMatch('CN', 'Cina', 'it')).toBe(0);
    expect(countryMatch('DE', 'germ', 'it')).toBe(1);
    expect(countryMatch('CI', 'costa d’avorio', 'it')).toBe(0);
    expect(countryMatch('CD', 'congo kinshasa', 'en')).toBe(0);
    // The Italian name is not an English one, and the English one still works in Italian.
    expect(countryMatch('CN', 'Cina', 'en')).toBeNull();
    expect(countryMatch('CN', 'China', 'it')).toBe(0);
  });

  it('survives a locale the runtime does not know', () => {
    expect(localCountryName('CN', 'not a locale!')).toBe('');
    expect(countryMatch('CN', 'china', 'not a locale!')).toBe(0);
  });
});

describe('searchNodes with countries', () => {
  it('finds CN nodes by "Cina" when the page is Italian, not when it is English', () => {
    expect(ids('Cina', 'it')).toEqual(['cn']);
    expect(ids('Cina', 'en')).toEqual([]);
  });

  it('finds by the table\'s names and the code', () => {
    expect(ids('drc', 'en')).toEqual(['cd']);
    expect(ids('congo', 'en')).toEqual(['cd']);
    expect(ids('gb', 'en')).toEqual(['gb']);
    expect(ids('united kingdom', 'fr')).toEqual(['gb']);
    expect(ids('unknown', 'en')).toEqual(['xx']);
  });

  it('ranks a whole country name above the start of one', () => {
    const board = [node('a', 'NE', 'Arlit'), node('b', 'NG', 'Jos')];
    expect(searchNodes(board, 'niger', { locale: 'en' }).map((m) => m.node.id)).toEqual(['a', 'b']);
    expect(searchNodes(board, 'nigeria', { locale: 'en' }).map((m) => m.node.id)).toEqual(['b']);
  });
});

describe('countryLabel', () => {
  it('shows the table\'s name in English and the browser\'s in another language', () => {
    expect(countryLabel('CN', 'en-US')).toBe('China');
    expect(countryLabel('CN', 'it-IT')).toBe('Cina');
    expect(countryLabel('XX', 'it')).toBe('International waters or unknown');
  });
});
