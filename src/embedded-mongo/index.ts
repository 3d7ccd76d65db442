// The embedded MongoDB-compatible server. Self-contained: imports nothing from the app.
export { ADDRESS_FILE, REPLICA_SET, startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from './server.js';
export type { Logger } from './store.js';
export { loadUsers, type UserRegistry } from './auth.js';
