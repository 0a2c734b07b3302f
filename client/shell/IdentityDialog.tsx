/** Asks for the display name and colour others see; shown on a first visit and whenever the person wants a change. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Avatar } from './Avatar';
import { MAX_NAME_LENGTH, PALETTE, nameProblem, suggestColor, type Identity } from './identity';
import { Modal } from './Modal';
import './shell.css';

/** Props of IdentityDialog. The caller stores the result (saveIdentity) and closes the dialog. */
export interface IdentityDialogProps {
  initial?: Identity;
  onSave(identity: Identity): void;
  /** When given, a Cancel button (and Escape) leave without changes; a first visit has no way around the question. */
  onCancel?(): void;
}

/** The name-and-colour dialog. */
export function IdentityDialog({ initial, onSave, onCancel }: IdentityDialogProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [color, setColor] = useState(() => initial?.color ?? suggestColor());
  const [problem, setProblem] = useState<'empty' | 'tooLong' | null>(null);
  const ids = useId();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `shell.identity.${id}` }, { max: MAX_NAME_LENGTH });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = nameProblem(name);
    setProblem(reason);
    if (!reason) onSave({ name: name.trim(), color });
  };

  return (
    <Modal label={t('label')} onClose={onCancel} className="ls-identity">
      <form onSubmit={submit} noValidate>
        <h2 className="ls-dialog__title">{initial ? t('change') : t('welcome')}</h2>
        <p className="ls-muted">{t('hint')}</p>
        <div className="ls-identity__preview">
          <Avatar name={name || '?'} color={color} size="large" />
          <span className="ls-identity__preview-name">{name.trim() || t('placeholderName')}</span>
        </div>
        <label className="ls-field" htmlFor={`${ids}-name`}>
          <span className="ls-field__label">{t('name')}</span>
          <input
            id={`${ids}-name`}
            className="ls-input"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="nickname"
            data-autofocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${ids}-problem` : undefined}
            onChange={(event) => {
              setName(event.target.value);
              if (problem) setProblem(nameProblem(event.target.value));
            }}
          />
        </label>
        {problem && (
          <p id={`${ids}-problem`} className="ls-field__problem" role="alert">
            {t(`problem.${problem}`)}
          </p>
        )}
        <fieldset className="ls-fieldset">
          <legend className="ls-field__label">{t('color')}</legend>
          <div role="radiogroup" aria-label={t('color')} className="ls-swatches">
            {PALETTE.map((swatch) => (
              <label key={swatch.value} className="ls-swatch" title={intl.formatMessage({ id: `shell.color.${swatch.name}` })}>
                <input
                  type="radio"
                  name={`${ids}-color`}
                  value={swatch.value}
                  aria-label={intl.formatMessage({ id: `shell.color.${swatch.name}` })}
                  checked={color === swatch.value}
                  onChange={() => setColor(swatch.value)}
                />
                <span className="ls-swatch__dot" style={{ backgroundColor: swatch.value }} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="ls-dialog__actions">
          {onCancel && (
            <button type="button" className="ls-button" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
          <button type="submit" className="ls-button ls-button--primary">
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
