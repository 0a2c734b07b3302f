/** A country picker: type a name or a code, choose from a list of name and code; stores the code. */
import { useId, useState, type KeyboardEvent } from 'react';
import { countryNameOf, resolveCountry, searchCountries } from '../../../shared/input/country-search';
import './fields.css';
import '../../state/look.css';

/** The sentences this field shows (one place, for translation later). */
export const COUNTRY_FIELD_WORDS = {
  placeholder: 'Country name or code',
  unknown: (text: string) => `No country is called "${text}". Pick one from the list or type its two-letter code (XX: international waters or unknown).`,
  noMatch: 'No country matches.',
  listLabel: (label: string) => `${label}: matching countries`,
} as const;

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

/** What the input shows for a stored code: its name, or the code when there is no name for it. */
const shown = (code: string) => (code === '' ? '' : countryNameOf(code));

/** A combobox over the country table (shared/input/country-search.ts). Escape puts the stored value back. */
export function CountryField({ label, value, check, commit, disabled = false }: CountryFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const open = draft !== null;
  const matches = open ? searchCountries(draft, 8) : [];
  const resolved = draft === null ? value : resolveCountry(draft);
  const error = draft === null || draft.trim() === '' ? null : resolved === null ? COUNTRY_FIELD_WORDS.unknown(draft.trim()) : (check?.(resolved) ?? null);
  const code = resolved ?? value;

  const store = (next: string) => {
    const problem = check?.(next) ?? null;
    if (problem !== null) {
      setDraft(countryNameOf(next));
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
          placeholder={COUNTRY_FIELD_WORDS.placeholder}
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
        <code className="country-code ls-country-chip" aria-label="country code" title={code ? countryNameOf(code) : undefined}>{code}</code>
      </span>
      {open && (
        <ul id={`${id}-list`} role="listbox" className="country-list" aria-label={COUNTRY_FIELD_WORDS.listLabel(label)}>
          {matches.length === 0 && <li className="country-none">{COUNTRY_FIELD_WORDS.noMatch}</li>}
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
