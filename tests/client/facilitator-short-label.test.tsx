import { describe, expect, it } from 'vitest';
import { consumerMineralLabel, shortLabel } from '../../client/state/short-label';

describe('short chart labels', () => {
  it('keeps a short label as it is', () => {
    expect(shortLabel('Italian fabs')).toBe('Italian fabs');
  });

  it('cuts a long label at a word, within 20 characters, with an ellipsis', () => {
    const label = shortLabel('Bavarian automotive magnet makers');
    expect(label).toBe('Bavarian automotive…');
    expect(label.length).toBeLessThanOrEqual(20);
  });

  it('cuts mid-word when the first word is very long', () => {
    expect(shortLabel('Supercalifragilisticexpialidocious')).toBe('Supercalifragilisti…');
  });

  it('keeps the mineral and shortens the consumer', () => {
    const label = consumerMineralLabel('Bavarian automotive magnet makers', 'gallium');
    expect(label.endsWith(' · gallium')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(20);
    expect(consumerMineralLabel('Fab', 'gallium')).toBe('Fab · gallium');
    expect(consumerMineralLabel('Long consumer name here', 'rare-earth-oxides-neodymium').length).toBeLessThanOrEqual(20);
  });
});
