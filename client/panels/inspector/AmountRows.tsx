/** Editable rows mineral -> amount (capacity, demand or stock of a node), with add and remove. */
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { MineralAmounts } from '../../../shared/board/types';
import { DraftField } from '../fields/DraftField';
import { numberText, parseNumber } from '../fields/issues';

/** Props of AmountRows. */
export interface AmountRowsProps {
  /** "Capacity", "Demand" or "Stock". */
  title: string;
  unit: string;
  amounts: MineralAmounts | undefined;
  /** The reason `next` is not valid at `path` below this field (e.g. [mineral]), or null. */
  check(next: MineralAmounts, path: string[]): string | null;
  /** Stores the whole new map (undefined when no rows are left). */
  commit(next: MineralAmounts | undefined): void;
  disabled: boolean;
  /** Id of a datalist of the board's minerals. */
  mineralList: string;
}

const renamed = (amounts: MineralAmounts, from: string, to: string): MineralAmounts =>
  Object.fromEntries(Object.entries(amounts).map(([m, v]) => [m === from ? to : m, v]));

/** One row per mineral, plus a small form to add a row. */
export function AmountRows({ title, unit, amounts = {}, check, commit, disabled, mineralList }: AmountRowsProps) {
  const intl = useIntl();
  const lower = title.toLocaleLowerCase(intl.locale);
  const m = (key: string, values?: Record<string, string>) => intl.formatMessage({ id: `panels.amounts.${key}` }, { title, lower, unit, ...values });
  const id = useId();
  const [adding, setAdding] = useState<{ mineral: string; amount: string } | null>(null);
  const rows = Object.entries(amounts);

  const amountError = (mineral: string, text: string): string | null => {
    const value = parseNumber(text);
    if (value === undefined || Number.isNaN(value)) return intl.formatMessage({ id: 'panels.issue.number' });
    return check({ ...amounts, [mineral]: value }, [mineral]);
  };
  const keyError = (from: string | null, to: string): string | null => {
    if (to !== from && to in amounts) return m('listed', { mineral: to });
    const next = from === null ? { ...amounts, [to]: 0 } : renamed(amounts, from, to);
    return check(next, [to]);
  };
  const remove = (mineral: string) => {
    const { [mineral]: _gone, ...rest } = amounts;
    commit(Object.keys(rest).length > 0 ? rest : undefined);
  };

  const newMineralError = adding && adding.mineral !== '' ? keyError(null, adding.mineral) : null;
  const newAmountError = adding && adding.amount !== '' && adding.mineral !== '' && newMineralError === null ? amountError(adding.mineral, adding.amount) : null;
  const canAdd = adding !== null && adding.mineral !== '' && newMineralError === null && newAmountError === null;
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!adding || !canAdd) return;
    commit({ ...amounts, [adding.mineral]: parseNumber(adding.amount) ?? 0 });
    setAdding(null);
  };

  return (
    <fieldset className="amount-rows">
      <legend>{title} <span className="unit">({unit})</span></legend>
      {rows.length === 0 && adding === null && <p className="empty">{m('none')}</p>}
      {rows.map(([mineral, amount]) => (
        <div className="amount-row" key={mineral}>
          <DraftField
            className="compact"
            hideLabel
            label={m('key', { mineral })}
            value={mineral}
            list={mineralList}
            disabled={disabled}
            normalise={(t) => t.trim().toLowerCase()}
            check={(t) => keyError(mineral, t)}
            commit={(t) => commit(renamed(amounts, mineral, t))}
          />
          <DraftField
            className="compact"
            hideLabel
            label={m('amount', { mineral })}
            value={numberText(amount)}
            inputMode="decimal"
            disabled={disabled}
            check={(t) => amountError(mineral, t)}
            commit={(t) => commit({ ...amounts, [mineral]: parseNumber(t) ?? 0 })}
          />
          {!disabled && (
            <button type="button" className="icon-button" aria-label={m('remove', { mineral })} onClick={() => remove(mineral)}>×</button>
          )}
        </div>
      ))}
      {adding !== null && (
        <form className="amount-row new" onSubmit={add} aria-label={m('newRow')}>
          <div className="field compact">
            <label htmlFor={`${id}-m`} className="visually-hidden">{m('newMineral')}</label>
            <input id={`${id}-m`} list={mineralList} placeholder={m('mineralHint')} autoFocus value={adding.mineral} aria-invalid={newMineralError !== null}
              onChange={(e) => setAdding({ ...adding, mineral: e.target.value.trim().toLowerCase() })} />
            {newMineralError && <span role="alert" className="field-error">{newMineralError}</span>}
          </div>
          <div className="field compact">
            <label htmlFor={`${id}-a`} className="visually-hidden">{m('newAmount')}</label>
            <input id={`${id}-a`} inputMode="decimal" placeholder="0" value={adding.amount} aria-invalid={newAmountError !== null}
              onChange={(e) => setAdding({ ...adding, amount: e.target.value })} />
            {newAmountError && <span role="alert" className="field-error">{newAmountError}</span>}
          </div>
          <button type="submit" className="panel-button" disabled={!canAdd}>{m('add')}</button>
          <button type="button" className="icon-button" aria-label={m('cancelRow')} onClick={() => setAdding(null)}>×</button>
        </form>
      )}
      {!disabled && adding === null && (
        <button type="button" className="panel-button add-row" aria-label={m('addRow')} onClick={() => setAdding({ mineral: '', amount: '' })}>
          {m('addMineral')}
        </button>
      )}
    </fieldset>
  );
}
