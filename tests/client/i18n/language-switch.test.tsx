/** The header's language switch: changes the words at once and is remembered on this device. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../client/i18n/I18nProvider';
import { LanguageSwitch } from '../../../client/i18n/LanguageSwitch';

describe('LanguageSwitch', () => {
  beforeEach(() => localStorage.clear());

  it('switches to Italian, remembers it, and a new page starts in Italian', async () => {
    const first = render(<I18nProvider><LanguageSwitch /></I18nProvider>);
    const select = await screen.findByRole('combobox', { name: 'Language' });
    fireEvent.change(select, { target: { value: 'it' } });
    await screen.findByRole('combobox', { name: 'Lingua' });
    expect(localStorage.getItem('lodestone.locale')).toBe('it');
    await waitFor(() => expect(document.documentElement.lang).toBe('it'));
    first.unmount();
    render(<I18nProvider><LanguageSwitch /></I18nProvider>);
    expect(await screen.findByRole('combobox', { name: 'Lingua' })).toHaveProperty('value', 'it');
  });
});
