/**
 * Failed-login throttle per (username, IP), in memory: a fixed window that opens on the
 * first failure. Several server processes each keep their own counts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  private key(username: string, ip: string) {
    return `${username.toLowerCase()}\u0000${ip}`;
  }

  /** Seconds until the caller may try again, or 0 if allowed now. */
  retryAfter(username: string, ip: string): number {
    const entry = this.failures.get(this.key(username, ip));
    if (!entry || entry.until <= Date.now()) return 0;
    return entry.count >= this.maxFailures ? Math.ceil((entry.until - Date.now()) / 1000) : 0;
  }

  recordFailure(username: string, ip: string) {
    const key = this.key(username, ip);
    const now = Date.now();
    const entry = this.failures.get(key);
    if (!entry || entry.until <= now) this.failures.set(key, { count: 1, until: now + this.windowMs });
    else entry.count++;
    if (this.failures.size > 100_000) this.prune(now);
  }

  recordSuccess(username: string, ip: string) {
    this.failures.delete(this.key(username, ip));
  }

  private prune(now: number) {
    for (const [k, v] of this.failures) if (v.until <= now) this.failures.delete(k);
  }
}
