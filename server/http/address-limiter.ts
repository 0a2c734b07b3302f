/** A token bucket per client address (creating and importing boards), bounded in memory. */

/** Most addresses tracked at once; past it, addresses whose bucket is full again are forgotten. */
const MAX_TRACKED = 10_000;

/** Allows `perHour` events per address on average, `burst` at once. */
export class AddressLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perHour: number, private readonly burst: number, private readonly now: () => number = Date.now) {}

  /** Takes one event for `address`: 0 when allowed, else the seconds until one is. */
  take(address: string): number {
    const now = this.now();
    const refill = this.perHour / 3_600_000;
    const bucket = this.buckets.get(address) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * refill);
    bucket.at = now;
    if (this.buckets.size >= MAX_TRACKED && !this.buckets.has(address)) this.sweep(now, refill);
    this.buckets.set(address, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / refill / 1000);
    bucket.tokens -= 1;
    return 0;
  }

  /** Forgets the addresses whose bucket has refilled (they would start full anyway). */
  private sweep(now: number, refill: number): void {
    for (const [address, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * refill >= this.burst) this.buckets.delete(address);
  }
}
