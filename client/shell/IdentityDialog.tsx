/** Asks for the display name and colour others see; shown on a first visit and whenever the person wants a change. */
import { useId, useState, type FormEvent } from 'react';
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
  const [problem, setProblem] = useState<string | null>(null);
  const ids = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = nameProblem(name);
    setProblem(reason);
    if (!reason) onSave({ name: name.trim(), color });
  };

  return (
    <Modal label="Your name and colour" onClose={onCancel} className="ls-identity">
      <form onSubmit={submit} noValidate>
        <h2 className="ls-dialog__title">{initial ? 'Change your name and colour' : 'Welcome to Lodestone'}</h2>
        <p className="ls-muted">Others on the board see your name next to your cursor and in the people list.</p>
        <div className="ls-identity__preview">
          <Avatar name={name || '?'} color={color} size="large" />
          <span className="ls-identity__preview-name">{name.trim() || 'Your name'}</span>
        </div>
        <label className="ls-field" htmlFor={`${ids}-name`}>
          <span className="ls-field__label">Display name</span>
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
            {problem}
          </p>
        )}
        <fieldset className="ls-fieldset">
          <legend className="ls-field__label">Colour</legend>
          <div role="radiogroup" aria-label="Colour" className="ls-swatches">
            {PALETTE.map((swatch) => (
              <label key={swatch.value} className="ls-swatch" title={swatch.name}>
                <input
                  type="radio"
                  name={`${ids}-color`}
                  value={swatch.value}
                  aria-label={swatch.name}
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
              Cancel
            </button>
          )}
          <button type="submit" className="ls-button ls-button--primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
