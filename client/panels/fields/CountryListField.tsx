/** A comma list of country codes ("US, JP"), checked as typed and stored on blur or Enter; empty means "absent". */
import { useIntl } from 'react-intl';
import { DraftField } from './DraftField';
import { parseList } from './issues';

/** Props of CountryListField. */
export interface CountryListFieldProps {
  label: string;
  value: string[] | undefined;
  /** Stores the codes, or undefined when the field is emptied. */
  commit(next: string[] | undefined): void;
  disabled: boolean;
  placeholder?: string;
}

const CODE = /^[A-Z]{2}$/;

/** The codes of a typed list, upper-cased; null when one of them is not a two-letter code. */
export function parseCountryList(text: string): string[] | null {
  const codes = parseList(text.toUpperCase());
  return codes.every((c) => CODE.test(c)) ? codes : null;
}

/** A validated-as-you-type country list. */
export function CountryListField({ label, value, commit, disabled, placeholder }: CountryListFieldProps) {
  const intl = useIntl();
  return (
    <DraftField
      label={label}
      value={(value ?? []).join(', ')}
      placeholder={placeholder}
      disabled={disabled}
      check={(t) => (parseCountryList(t) === null ? intl.formatMessage({ id: 'panels.issue.countryList' }) : null)}
      commit={(t) => {
        const codes = parseCountryList(t) ?? [];
        commit(codes.length > 0 ? codes : undefined);
      }}
    />
  );
}
