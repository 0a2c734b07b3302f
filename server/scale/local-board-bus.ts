/** The bus of a single instance (REDIS_URL unset): nobody else to tell, nothing to hear. */
import type { BoardBus, BoardSubscription } from './board-bus';

/** A no-op bus: rooms work exactly as they do without scale-out. */
export class LocalBoardBus implements BoardBus {
  readonly kind = 'local' as const;
  readonly shared = false;

  constructor(readonly instanceId: string) {}

  async subscribe(): Promise<BoardSubscription> {
    return { close: () => undefined };
  }

  publish(): void {}

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
