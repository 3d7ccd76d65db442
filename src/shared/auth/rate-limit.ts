// Failed-sign-in throttles, kept in the database so every app instance behind a load
// balancer shares them: per username (whatever the address), per client address (whatever
// the username: spraying), and a ceiling on all failures per minute. Each is a window that
// opens on the first failure. A caller over any limit is refused before any password is
// hashed.
import type { Collection } from 'mongodb';
import type { Models } from '../../models.js';

export interface ThrottleLimits {
  perUsername: number;
  perAddress: number;
  windowMs: number;
  /** All failures, every caller together, per minute. */
  globalPerMinute: number;
}

interface Counter {
  key: string;
  max: number;
  windowMs: number;
}

type FailureModel = Models['SignInFailure'];

export class LoginThrottle {
  constructor(
    private readonly model: FailureModel,
    private readonly limits: ThrottleLimits,
  ) {}

  private counters(username: string, ip: string): Counter[] {
    const { perUsername, perAddress, windowMs, globalPerMinute } = this.limits;
    return [
      { key: `user:${username.toLowerCase()}`, max: perUsername, windowMs },
      { key: `addr:${ip}`, max: perAddress, windowMs },
      { key: 'all', max: globalPerMinute, windowMs: 60_000 },
    ];
  }

  /** Seconds until the caller may try again, or 0 if allowed now. One query. */
  async retryAfter(username: string, ip: string): Promise<number> {
    const counters = this.counters(username, ip);
    const now = Date.now();
    const docs = await this.model.find({ _id: { $in: counters.map((c) => c.key) }, until: { $gt: new Date(now) } }).lean();
    let wait = 0;
    for (const doc of docs) {
      const counter = counters.find((c) => c.key === doc._id)!;
      if (doc.count >= counter.max) wait = Math.max(wait, Math.ceil((doc.until.getTime() - now) / 1000));
    }
    return wait;
  }

  /** Counts a failure on every counter at once (one command; each counter updated atomically). */
  async recordFailure(username: string, ip: string): Promise<void> {
    const now = new Date();
    await (this.model.collection as unknown as Collection<{ _id: string }>).bulkWrite(
      this.counters(username, ip).map((c) => {
        const open = { $gt: ['$until', now] };
        return {
          updateOne: {
            filter: { _id: c.key },
            update: [{ $set: { count: { $cond: [open, { $add: ['$count', 1] }, 1] }, until: { $cond: [open, '$until', new Date(now.getTime() + c.windowMs)] } } }],
            upsert: true,
          },
        };
      }),
      { ordered: false },
    );
  }

  /** A successful sign-in clears its username's failures (not its address's, nor the total). */
  async recordSuccess(username: string): Promise<void> {
    await this.model.deleteOne({ _id: `user:${username.toLowerCase()}` });
  }
}
