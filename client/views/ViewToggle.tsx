/** The board header's switch between the canvas and the map. */
import { useIntl } from 'react-intl';
import { BOARD_VIEWS, type BoardView } from '../../shared/presence/presence';

/** Two pressed-or-not buttons, one per view. */
export function ViewToggle({ view, onChange }: { view: BoardView; onChange(view: BoardView): void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `map.toggle.${id}` });
  return (
    <span className="board-view-toggle" role="group" aria-label={t('label')}>
      {BOARD_VIEWS.map((v) => (
        <button key={v} type="button" aria-pressed={view === v} title={t(`${v}Title`)} onClick={() => onChange(v)} data-testid={`view-${v}`}>
          {t(v)}
        </button>
      ))}
    </span>
  );
}
