/** The app shell: landing page, dialogs, share menu, people, connection status and the error boundary. */
export { ApiError, NETWORK_MESSAGE, TEMPLATE_NAMES, createBoard, deleteBoard, exportBoard, getBoard, getLinks, importBoard, listBoards } from './api';
export type { ApiProblem, BoardInfo, BoardLinks, BoardSummary, CreatedBoard, TemplateName } from './api';
export { IDENTITY_KEY, PALETTE, loadIdentity, nameProblem, saveIdentity, suggestColor, type Identity } from './identity';
export * as knownBoards from './known-boards';
export type { KnownBoard } from './known-boards';
export { parseShareLink, type ShareLink } from './share-link';
export { Avatar, initials } from './Avatar';
export { IdentityDialog, type IdentityDialogProps } from './IdentityDialog';
export { Landing, type LandingProps } from './Landing';
export { ShareMenu, type ShareMenuProps } from './ShareMenu';
export { PeopleList, type PeopleListProps } from './PeopleList';
export { ConnectionBanner, type ConnectionBannerProps } from './ConnectionBanner';
export { HelpDialog, type HelpDialogProps, type Shortcut } from './HelpDialog';
export { ErrorBoundary, BOUNDARY_MESSAGE, type ErrorBoundaryProps } from './ErrorBoundary';
