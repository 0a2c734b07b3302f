/// <reference types="vite/client" />
/** Whether this build publishes `window.__lodestone` for end-to-end tests and the browser bench: never in `npm start`'s production build. */
export const TEST_HOOKS = import.meta.env.MODE !== 'production';

/** Publishes the board page's session and actions as `window.__lodestone` in test and development builds only. */
export function publishTestHooks(hooks: Record<string, unknown>): void {
  if (TEST_HOOKS) (window as unknown as Record<string, unknown>).__lodestone = hooks;
}
