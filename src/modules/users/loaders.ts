import type { Models } from '../../models.js';
import { byIdLoader } from '../../shared/loader.js';
import type { UserRecord } from './model.js';

export function userLoaders(models: Models) {
  return { user: byIdLoader<UserRecord>(models.User) };
}
