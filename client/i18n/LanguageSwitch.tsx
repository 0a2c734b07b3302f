/** The header's language switch: each language named in itself; the choice is this person's alone. */
import { useIntl } from 'react-intl';
import { useLocale } from './I18nProvider';
import { isLocale, LOCALES } from './locales';

/** A select listing the interface languages. */
export function LanguageSwitch() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  return (
    <select
      className="ls-language-switch"
      aria-label={intl.formatMessage({ id: 'i18n.switch.label' })}
      value={locale}
      onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>{intl.formatMessage({ id: `i18n.language.${l}` })}</option>
      ))}
    </select>
  );
}
