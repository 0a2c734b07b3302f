import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../shared/input/amount';

describe('parseAmount', () => {
  it.each([
    ['12k', 12_000], ['12K', 12_000], ['1.5M', 1_500_000], ['1,5M', 1_500_000], ['3 Mt', 3_000_000], ['20kt', 20_000], ['2bn', 2e9], ['5 k', 5_000],
    ['1.1k', 1_100], ['-2k', -2_000],
  ])('reads the suffix of %j', (text, value) => expect(parseAmount(text)).toBe(value));

  it.each([
    ['2 500', 2_500], ['2\u00a0500', 2_500], ['1\u202f000,5', 1_000.5], ["1'000", 1_000], ['12_000', 12_000],
    ['12,000', 12_000], ['1,500,000', 1_500_000], ['1.500.000', 1_500_000], ['1.234,5', 1_234.5], ['1,234.5', 1_234.5],
  ])('reads the thousands groups of %j', (text, value) => expect(parseAmount(text)).toBe(value));

  it.each([['1,5', 1.5], ['1,23', 1.23], ['1.5', 1.5], ['0.25', 0.25], ['.5', 0.5], ['1e3', 1_000], ['2500 t/yr', 2_500], ['7 tonnes', 7]])(
    'reads the decimals of %j', (text, value) => expect(parseAmount(text)).toBe(value),
  );

  it('treats an empty text as absent', () => {
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('   ')).toBeUndefined();
  });

  it.each(['abc', 'lots', '12e', '1..5', '1,2,3', '1.2.3', '1,5,5', '1.000,000.5', '12x', 't', 'k', '1,000.000,5'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNaN();
  });
});
