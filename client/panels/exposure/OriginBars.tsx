/** The origin bars, loaded with the charting library on first use so the board page's first script stays small. */
import { lazyPart } from '../../shell/lazy-part';
import type { OriginBarsProps } from './OriginBarsChart';

/** Origin shares of one consumer's supply by stage (see OriginBarsChart); a box of the same height while the chart loads. */
export const OriginBars = lazyPart<OriginBarsProps>(async () => (await import('./OriginBarsChart')).OriginBarsChart, <div className="ls-origin-bars--loading" aria-busy="true" style={{ height: 64 }} />);
