/** "New board": a template picker and an optional title; creates the board and hands back what the server answered. */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, createBoard, type CreatedBoard, type TemplateName } from './api';
import { CreateKeyField } from './CreateKeyField';
import './shell.css';

/** The templates offered, in order, with a line on what each holds. */
export const TEMPLATE_CHOICES: readonly { name: TemplateName; title: string; blurb: string }[] = [
  { name: 'africa-corridors', title: 'Africa corridors', blurb: 'Cobalt, copper, graphite and platinum from African mines through Lobito, Dar es Salaam and Durban, with Suez and the Cape (2024-25).' },
  { name: 'arctic', title: 'Arctic and Nordic sources', blurb: 'Nordic nickel and cobalt, Arctic rare-earth projects, and the Suez, Cape and Northern Sea routes to Japan (2024-25).' },
  { name: 'allied-refiners', title: 'Allied refiners and stores', blurb: 'Rare earths, gallium and germanium through allied refiners, with the Italian store, JOGMEC and Project Vault (2024-25).' },
  { name: 'rare-earth-magnets', title: 'Rare-earth magnets: mine to motor', blurb: 'NdPr and Dy/Tb from mine through separation and magnet plants to German, Italian, US and Japanese makers.' },
  { name: 'gallium-germanium', title: 'Gallium and germanium: the stockpile coalition', blurb: 'Chinese gallium and germanium against Metlen, Alcoa-JOGMEC, Umicore and Nyrstar, with the three coalition stores.' },
  { name: 'blank', title: 'Blank', blurb: 'An empty board for your own supply graph.' },
];

/** Props of NewBoardForm. */
export interface NewBoardFormProps {
  onCreated(board: CreatedBoard): void;
}

/** The new-board form; failures are shown as a sentence under the button. */
export function NewBoardForm({ onCreated }: NewBoardFormProps) {
  const [template, setTemplate] = useState<TemplateName>('africa-corridors');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsKey, setNeedsKey] = useState(false);
  const ids = useId();

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      onCreated(await createBoard({ template, title: title.trim() || undefined }));
    } catch (failure) {
      setNeedsKey(failure instanceof ApiError && failure.createKeyRequired);
      setError(failure instanceof ApiError ? failure.message : 'The board could not be created; try again.');
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create();
  };

  return (
    <form className="ls-card" onSubmit={submit} aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`} className="ls-card__title">New board</h2>
      <div role="radiogroup" aria-label="Template" className="ls-templates">
        {TEMPLATE_CHOICES.map((choice) => (
          <label key={choice.name} className={`ls-template${template === choice.name ? ' ls-template--chosen' : ''}`}>
            <input type="radio" name={`${ids}-template`} value={choice.name} checked={template === choice.name} onChange={() => setTemplate(choice.name)} />
            <span className="ls-template__title">{choice.title}</span>
            <span className="ls-template__blurb">{choice.blurb}</span>
          </label>
        ))}
      </div>
      <label className="ls-field">
        <span className="ls-field__label">Title <span className="ls-muted">(optional)</span></span>
        <input className="ls-input" value={title} maxLength={200} placeholder="Use the template's title" onChange={(event) => setTitle(event.target.value)} />
      </label>
      <div className="ls-card__actions">
        <button type="submit" className="ls-button ls-button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create board'}
        </button>
      </div>
      {error && <p role="alert" className="ls-error">{error}</p>}
      {needsKey && <CreateKeyField onSaved={() => void create()} />}
    </form>
  );
}
