/** The board page's parts not needed for its first paint, each in its own script chunk: the editing tabs (with the schemas), the facilitator's tab, the slides, the map. */
import { FormattedMessage } from 'react-intl';
import { lazyPart } from '../shell/lazy-part';
import type { ExposurePanelProps } from '../panels/ExposurePanel';
import type { InspectorProps } from '../panels/Inspector';
import type { HelpDialogProps } from '../shell/HelpDialog';
import type { WorkshopBarProps } from '../workshop/WorkshopBar';
import type { LeversPanelProps } from '../panels/LeversPanel';
import type { PresentationViewProps } from '../present/PresentationView';
import type { FollowedSlideProps } from '../present/FollowedSlide';
import type { LostEditsNoticeProps } from '../shell/LostEditsNotice';
import type { FacilitatorTabProps } from './FacilitatorTab';
import type { MapViewProps } from '../map/MapView';

/** The facilitator's tab (snapshots, compare, export, import, present setup), loaded when first opened. */
export const FacilitatorTab = lazyPart<FacilitatorTabProps>(async () => (await import('./FacilitatorTab')).FacilitatorTab, <p className="board-loading"><FormattedMessage id="views.loading.facilitator" /></p>);

/** The full-screen presentation, loaded when someone first presents or follows a presenter. */
export const PresentationView = lazyPart<PresentationViewProps>(async () => (await import('../present/PresentationView')).PresentationView, <div className="board-loading"><FormattedMessage id="views.loading.slides" /></div>);

const loadingTab = <p className="board-loading"><FormattedMessage id="views.loading.tab" /></p>;

/** The exposure panel (cards, stress test, CRMA), loaded right after the canvas is drawn. */
export const ExposurePanel = lazyPart<ExposurePanelProps>(async () => (await import('../panels/ExposurePanel')).ExposurePanel, loadingTab);

/** The inspector (forms validated with the board schema), loaded when first opened. */
export const Inspector = lazyPart<InspectorProps>(async () => (await import('../panels/Inspector')).Inspector, loadingTab);

/** The levers panel, loaded when first opened. */
export const LeversPanel = lazyPart<LeversPanelProps>(async () => (await import('../panels/LeversPanel')).LeversPanel, loadingTab);

/** The workshop bar (timer and vote), loaded right after the board is drawn. */
export const WorkshopBar = lazyPart<WorkshopBarProps>(async () => (await import('../workshop/WorkshopBar')).WorkshopBar);

/** The slide of a presenter someone follows, loaded when a followed person first presents. */
export const FollowedSlide = lazyPart<FollowedSlideProps>(async () => (await import('../present/FollowedSlide')).FollowedSlide);

/** After a reconnect, the offline edits someone else overwrote: loaded the first time there are any. */
export const LostEditsNotice = lazyPart<LostEditsNoticeProps>(async () => (await import('../shell/LostEditsNotice')).LostEditsNotice);

/** The keyboard help, loaded when first opened. */
export const HelpDialog = lazyPart<HelpDialogProps>(async () => (await import('../shell/HelpDialog')).HelpDialog);

/** The map view (country outlines, projection and the map's drawing in their own chunk), loaded when someone first switches to it. */
export const MapView = lazyPart<MapViewProps>(async () => (await import('../map/MapView')).MapView, <div className="board-loading"><FormattedMessage id="map.loading" /></div>);
