/** Choosing the interface language from the browser's list, and formatting numbers in it. */
import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../../client/i18n/format';
import { pickLocale } from '../../../client/i18n/locales';
import { intlIn } from '../../utils/intl';

describe('interface language', () => {
  it('follows the first browser language it speaks, else English', () => {
    expect(pickLocale(['it-IT', 'en-US'])).toBe('it');
    expect(pickLocale(['de-DE', 'it-CH'])).toBe('it');
    expect(pickLocale(['en-US', 'it'])).toBe('en');
    expect(pickLocale(['fr', 'de'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('formats amounts, shares and days in the language (1,234.5 against 1.234,5)', async () => {
    const en = formatsFor(await intlIn('en'));
    const it_ = formatsFor(await intlIn('it'));
    expect(en.number(1234.5, 1)).toBe('1,234.5');
    expect(it_.number(1234.5, 1)).toBe('1.234,5');
    expect(en.perYear(12_000)).toBe('12,000 t/yr');
    expect(it_.perYear(12_000)).toBe('12.000 t/anno');
    expect(en.days(1)).toBe('1 day');
    expect(it_.days(30)).toBe('30 giorni');
    expect(en.days(null)).toBe('—');
    expect(en.percent(0.654)).toBe('65%');
    expect(it_.percent(0.004)).toBe('0,4%');
    expect(en.compact(2_300_000)).toMatch(/^2\.3[mM]$/);
    expect(it_.compact(2_300_000)).toBe('2,3\u00a0Mln');
  });
});
