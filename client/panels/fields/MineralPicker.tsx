/** Picks the minerals a lever hits: all of them, or some of the board's minerals. */
import { useIntl } from 'react-intl';
import './fields.css';

/** Props of MineralPicker. */
export interface MineralPickerProps {
  /** The board's minerals (the chosen ones are added if missing). */
  minerals: string[];
  /** undefined = every mineral. */
  value: string[] | undefined;
  onChange(next: string[] | undefined): void;
  disabled: boolean;
  legend?: string;
}

/** "All minerals" plus one checkbox per mineral: unticking "All minerals" ticks none, so the person picks the ones the lever hits. */
export function MineralPicker({ minerals, value, onChange, disabled, legend }: MineralPickerProps) {
  const intl = useIntl();
  const m = (key: string) => intl.formatMessage({ id: `panels.mineralPicker.${key}` });
  const all = value === undefined;
  const options = [...new Set([...minerals, ...(value ?? [])])].sort();
  const toggle = (mineral: string, on: boolean) => {
    const base = value ?? [];
    onChange(options.filter((m) => (m === mineral ? on : base.includes(m))));
  };
  return (
    <fieldset className="mineral-picker check-row" disabled={disabled}>
      <legend>{legend ?? m('legend')}</legend>
      <label>
        <input type="checkbox" checked={all} disabled={all && options.length === 0} onChange={(e) => onChange(e.target.checked ? undefined : [])} />
        {m('all')}
      </label>
      {options.map((mineral) => {
        const on = !all && value.includes(mineral);
        return (
          <label key={mineral}>
            <input type="checkbox" checked={on} onChange={(e) => toggle(mineral, e.target.checked)} />
            {mineral}
          </label>
        );
      })}
      {!all && value.length === 0 && <p className="picker-hint" role="status">{m('noneTicked')}</p>}
    </fieldset>
  );
}
