/** While a room's doc is rebuilt from storage, what arrives waits behind this gate, then runs in arrival order. */

/** One room's gate: open, or closed while a rebuild runs. */
export class RebuildGate {
  private running: Promise<void> | null = null;
  private held: (() => void)[] = [];

  /** True while a rebuild runs (nothing may read or change the doc). */
  get closed(): boolean {
    return this.running !== null;
  }

  /** Runs fn now, or once the rebuild is done. */
  whenOpen(fn: () => void): void {
    if (this.running) this.held.push(fn);
    else fn();
  }

  /** Resolves once no rebuild runs. */
  async opened(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Closes the gate while `rebuild` runs (it must not reject), then runs what was held, in order. */
  close(rebuild: () => Promise<void>): void {
    this.running = rebuild().finally(() => {
      this.running = null;
      const held = this.held;
      this.held = [];
      for (const fn of held) this.whenOpen(fn);
    });
  }
}
