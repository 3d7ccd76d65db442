// Models that act in one institution, for tests that check the database behind the API:
// every call, and every query it returns when it is awaited or exec'd, runs inside
// withinInstitution. (The app itself settles the tenancy per request.)
import type { Types } from 'mongoose';
import type { Models } from '../../src/models.js';
import { callWithinInstitution } from '../../src/shared/tenancy.js';

type Thenable = { then: unknown; exec?: unknown };

function confineResult<T>(result: T, institution: Types.ObjectId): T {
  if (!result || typeof (result as unknown as Thenable).then !== 'function' || typeof (result as unknown as Thenable).exec !== 'function') return result;
  const proxy: T = new Proxy(result as object, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'then' || prop === 'exec' || prop === 'catch' || prop === 'finally') return (...args: unknown[]) => callWithinInstitution(institution, () => value.apply(target, args));
      // Chained builders (sort, lean, select …) return the query itself: keep the proxy.
      return (...args: unknown[]) => {
        const out = value.apply(target, args);
        return out === target ? proxy : out;
      };
    },
  }) as T;
  return proxy;
}

export function confinedModels(models: Models, institution: Types.ObjectId): Models {
  const confined = {} as Record<string, unknown>;
  for (const [name, model] of Object.entries(models)) {
    confined[name] = new Proxy(model, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || prop === 'constructor') return value;
        return (...args: unknown[]) => confineResult(callWithinInstitution(institution, () => value.apply(target, args)), institution);
      },
    });
  }
  return confined as Models;
}
