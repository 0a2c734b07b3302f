import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SeedSummary } from '../../../client/views/SeedSummary';
import { renderIn } from '../../utils/intl';

describe('client test setup', () => {
  it('renders a React view in jsdom', async () => {
    await renderIn(<SeedSummary />);
    expect(screen.getByRole('heading', { name: 'Lodestone' })).toBeTruthy();
  });
});
