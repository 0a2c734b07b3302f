import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SeedSummary } from '../../../client/views/SeedSummary';

describe('client test setup', () => {
  it('renders a React view in jsdom', () => {
    render(<SeedSummary />);
    expect(screen.getByRole('heading', { name: 'Lodestone' })).toBeTruthy();
  });
});
