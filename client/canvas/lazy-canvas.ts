/** The canvas's parts not needed for its first draw, each in its own script chunk, loaded when first shown. */
import { lazyPart } from '../shell/lazy-part';
import type { ConnectDialogProps } from './ConnectDialog';
import type { LegendProps } from './Legend';

/** The new-flow dialog, loaded when a handle is first dragged to another node. */
export const ConnectDialog = lazyPart<ConnectDialogProps>(async () => (await import('./ConnectDialog')).ConnectDialog);
/** The legend card, loaded when first opened. */
export const Legend = lazyPart<LegendProps>(async () => (await import('./Legend')).Legend);
