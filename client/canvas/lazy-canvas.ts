/** The canvas's parts not needed for its first draw, each in its own script chunk, loaded when first shown. */
import type { Ref } from 'react';
import { lazyPart } from '../shell/lazy-part';
import type { ConnectDialogProps } from './ConnectDialog';
import type { FarLayerProps } from './FarLayer';
import type { LegendProps } from './Legend';
import type { NotesLayerProps } from './NotesLayer';
import type { ReroutePanelProps } from './ReroutePanel';
import type { Peer } from '../state/types';
import type { SearchBoxHandle, SearchBoxProps } from './SearchBox';

/** The new-flow dialog, loaded when a handle is first dragged to another node. */
export const ConnectDialog = lazyPart<ConnectDialogProps>(async () => (await import('./ConnectDialog')).ConnectDialog);
/** The legend card, loaded when first opened. */
export const Legend = lazyPart<LegendProps>(async () => (await import('./Legend')).Legend);
/** The search box, loaded with the canvas's first draw (the canvas keeps a search shortcut pressed before it is there). */
export const SearchBox = lazyPart<SearchBoxProps & { ref?: Ref<SearchBoxHandle> }>(async () => (await import('./SearchBox')).SearchBox);
/** The sticky notes and their editor, loaded with the canvas's first draw. */
export const NotesLayer = lazyPart<NotesLayerProps>(async () => (await import('./NotesLayer')).NotesLayer);
/** The "After rerouting" switch and its legend, loaded with the canvas's first draw. */
export const ReroutePanel = lazyPart<ReroutePanelProps>(async () => (await import('./ReroutePanel')).ReroutePanel);
let farLayer: Promise<typeof import('./FarLayer')> | null = null;
const loadFarLayer = () => (farLayer ??= import('./FarLayer'));
/** Dense boards zoomed far out (the batched blocks and flows): see preloadFarLayer. */
export const FarLayer = lazyPart<FarLayerProps>(async () => (await loadFarLayer()).FarLayer);
/** Starts loading the far layer (a dense board is open: it is drawn as soon as it is fitted, zoomed out). */
export function preloadFarLayer(): void {
  void loadFarLayer();
}
/** Others' cursors, loaded with the canvas's first draw. */
export const PeerCursors = lazyPart<{ peers: Peer[] }>(async () => (await import('./PeerCursors')).PeerCursors);
