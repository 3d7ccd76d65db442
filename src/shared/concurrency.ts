// Bounds on heavy work running at once in this process: report building per user, imports
// overall. A caller over the bound is refused at once (RATE_LIMITED, HTTP 429 with
// Retry-After) rather than queued, so a burst never piles up memory.
import { appError, ErrorCode } from './errors.js';
import { t } from './i18n/t.js';

export class Slots {
  private readonly running = new Map<string, number>();

  constructor(
    private readonly perKey: number,
    private readonly what: 'slots.reports' | 'slots.imports',
    private readonly retryAfterSeconds = 5,
  ) {}

  /** Runs `work` in a slot of `key`, or throws RATE_LIMITED when all of them are taken. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const release = this.acquire(key);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Takes a slot now and keeps it until the HTTP response is done (or the client went away). */
  holdFor(res: { on(event: 'close', listener: () => void): unknown }, key: string) {
    res.on('close', this.acquire(key));
  }

  /** Takes a slot now; returns its release (idempotent). */
  acquire(key: string): () => void {
    const n = this.running.get(key) ?? 0;
    if (n >= this.perKey) {
      throw appError(ErrorCode.RATE_LIMITED, t('request.busy', { what: t(this.what), limit: this.perKey, seconds: this.retryAfterSeconds }), {
        retryAfterSeconds: this.retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(this.retryAfterSeconds)]]) },
      });
    }
    this.running.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left) this.running.set(key, left);
      else this.running.delete(key);
    };
  }
}
