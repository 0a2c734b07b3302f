/** USD amounts for the exposure panel ("USD 12.4 million"). */

/** "USD 950", "USD 12,400", "USD 3.2 million", "USD 1.1 billion". */
export function usd(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `USD ${(value / 1e9).toFixed(1)} billion`;
  if (abs >= 1e6) return `USD ${(value / 1e6).toFixed(1)} million`;
  return `USD ${Math.round(value).toLocaleString('en-US')}`;
}
