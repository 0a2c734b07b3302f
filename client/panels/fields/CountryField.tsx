/** A country picker: type a name or a code, choose from a list of name and code; stores the code. */
import { useId, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { resolveLocalCountry, searchLocalCountries, shownCountry } from './local-countries';
import './fields.css';
import '../../state/look.css';

/** Props of CountryField. */
export interface CountryFieldProps {
  label: string;
  /** The stored code ("IT"), or '' when none is set yet. */
  value: string;
  /** Why a code cannot be stored here (the schema's answer), or null when it can. */
  check?(code: string): string | null;
  /** Stores a code (on Enter, a click in the list, or leaving the field with a text that names one country). */
  commit(code: string): void;
  disabled?: boolean;
}

/** A combobox over the country table (shared/input/country-search.ts). Escape puts the stored value back. */
export function CountryField({ label, value, check, commit, disabled = false }: CountryFieldProps) {
  const intl = useIntl();
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.countryField.${key}` }, values);
  const shown = (c: string) => shownCountry(intl, c);
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = draft !== null;
  const matches = open ? searchLocalCountries(intl, draft, 8) : [];
  const resolved = draft === null ? value : resolveLocalCountry(intl, draft);
  const error = draft === null || draft.trim() === '' ? null : resolved === null ? m('unknown', { text: draft.trim() }) : (check?.(resolved) ?? null);
  const code = resolved ?? value;

  const store = (next: string) => {
    const problem = check?.(next) ?? null;
    if (problem !== null) {
      setDraft(shown(next));
      return;
    }
    if (next !== value) commit(next);
    setDraft(null);
    setActive(0);
  };
  const settle = () => {
    if (draft === null) return;
    if (draft.trim() === '') return setDraft(null);
    if (resolved !== null && error === null) store(resolved);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (draft === null) return setDraft('');
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // What the text names wins over the highlighted row ("IN" is India even if Indonesia is first).
      if (resolved !== null && draft !== null) store(resolved);
      else if (matches[active]) store(matches[active].code);
    } else if (event.key === 'Escape') {
      if (draft !== null) event.stopPropagation();
      setDraft(null);
      setActive(0);
    }
  };

  return (
    <div className="field country-field">
      <label htmlFor={id}>{label}</label>
      <span className="field-input">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={open && matches[active] ? `${id}-${matches[active].code}` : undefined}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          placeholder={m('placeholder')}
          value={draft ?? shown(value)}
          disabled={disabled}
          onFocus={(event) => event.target.select()}
          onChange={(event) => {
            setDraft(event.target.value);
            setActive(0);
          }}
          onBlur={settle}
          onKeyDown={onKeyDown}
        />
        <code className="country-code ls-country-chip" aria-label={m('code')} title={code ? shown(code) : undefined}>{code}</code>
      </span>
      {open && (
        <ul id={`${id}-list`} role="listbox" className="country-list" aria-label={m('list', { label })}>
          {matches.length === 0 && <li className="country-none">{m('noMatch')}</li>}
          {matches.map((match, i) => (
            <li
              key={match.code}
              id={`${id}-${match.code}`}
              role="option"
              aria-selected={i === active}
              // mousedown, so the input's blur does not come first.
              onMouseDown={(event) => {
                event.preventDefault();
                store(match.code);
              }}
            >
              <span className="country-name">{match.name}</span> <code className="ls-country-chip">{match.code}</code>
            </li>
          ))}
        </ul>
      )}
      {error !== null && <span id={`${id}-error`} role="alert" className="field-error">{error}</span>}
    </div>
  );
}
