import {} from '@testing-library/react';
import { ConsumerTick } from '../../../client/shell/ConsumerTick';
import { describe, expect, it } from 'vitest';
import { shortLabel } from '../../../client/state/short-label';
import { renderIn } from '../../utils/intl';

describe('short chart labels', () => {
  it('keeps a short label as it is', async () => {
    expect(shortLabel('Italian fabs')).toBe('Italian fabs');
  });

  it('cuts a long label at a word, within 20 characters, with an ellipsis', async () => {
    const label = shortLabel('Bavarian automotive magnet makers');
    expect(label).toBe('Bavarian automotive…');
    expect(label.length).toBeLessThanOrEqual(20);
  });

  it('cuts mid-word when the first word is very long', async () => {
    expect(shortLabel('Supercalifragilisticexpialidocious')).toBe('Supercalifragilisti…');
  });

});

describe('ConsumerTick', () => {
  it('draws the consumer and the mineral on two lines of at most 20 characters, with the full name as tooltip', async () => {
    const name = 'Italian industry and defence (slice) · germanium';
    const { container } = await renderIn(<svg><ConsumerTick x={100} y={20} payload={{ value: name }} parts={new Map([[name, { consumer: 'Italian industry and defence (slice)', mineral: 'germanium' }]])} /></svg>);
    const lines = [...container.querySelectorAll('.ls-consumer-tick__line')].map((t) => t.textContent ?? '');
    expect(lines).toEqual(['Italian industry…', 'germanium']);
    expect(container.querySelector('title')?.textContent).toBe(name);
  });
});
