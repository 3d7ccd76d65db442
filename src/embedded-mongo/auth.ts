// SCRAM-SHA-256 (RFC 5802, RFC 7677) as mongod speaks it, for `npm run db -- --auth`:
// users come from a file; a connection must authenticate before any command but the
// handshake. Passwords are never kept: only salted keys (PBKDF2-SHA-256, 15,000 rounds).
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { Binary, type Doc } from './bson.js';
import { CommandError } from './errors.js';

const ITERATIONS = 15_000;

interface Credential {
  user: string;
  db: string;
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

function credentialFor(user: string, db: string, password: string): Credential {
  const salt = randomBytes(28);
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, ITERATIONS, 32, 'sha256');
  return { user, db, salt, storedKey: sha256(hmac(salted, 'Client Key')), serverKey: hmac(salted, 'Server Key') };
}

/** Users from a JSON file: `{"users": [{"user": "…", "password": "…", "db": "admin"}]}`. */
export function loadUsers(file: string): UserRegistry {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { users?: { user?: unknown; password?: unknown; db?: unknown }[] };
  if (!Array.isArray(parsed.users) || !parsed.users.length) throw new Error(`${file}: expected {"users": [{"user": "…", "password": "…"}]}`);
  return new UserRegistry(
    parsed.users.map((u, i) => {
      if (typeof u.user !== 'string' || !u.user || typeof u.password !== 'string' || !u.password) throw new Error(`${file}: user ${i + 1} needs a user and a password`);
      return credentialFor(u.user, typeof u.db === 'string' ? u.db : 'admin', u.password);
    }),
  );
}

const authFailed = () => new CommandError(18, 'AuthenticationFailed', 'Authentication failed.');

function fields(message: string): Map<string, string> {
  return new Map(message.split(',').map((part) => [part.slice(0, 1), part.slice(2)] as const));
}

const payloadText = (payload: unknown): string => {
  if (payload && typeof payload === 'object' && 'buffer' in (payload as object)) return Buffer.from((payload as { buffer: Uint8Array }).buffer).toString('utf8');
  if (typeof payload === 'string') return payload;
  throw new CommandError(2, 'BadValue', 'SASL payload must be binary');
};

/** One connection's SASL conversation and who it authenticated as. */
export interface AuthState {
  user?: string;
  conversation?: { credential: Credential; clientFirstBare: string; serverFirst: string; nonce: string; done: boolean; skipEmpty: boolean };
}

export class UserRegistry {
  constructor(private readonly credentials: Credential[]) {}

  private find(user: string, db: string) {
    return this.credentials.find((c) => c.user === user && c.db === db);
  }

  /** The users defined on a database (all of them for undefined): names only, never their keys. */
  namesOn(db: string | undefined): { user: string; db: string }[] {
    return this.credentials.filter((c) => db === undefined || c.db === db).map(({ user, db: at }) => ({ user, db: at }));
  }

  /** For hello's saslSupportedMechs: "db.user". */
  mechanismsFor(qualified: unknown): string[] | undefined {
    if (typeof qualified !== 'string') return undefined;
    const at = qualified.indexOf('.');
    return this.find(qualified.slice(at + 1), qualified.slice(0, at)) ? ['SCRAM-SHA-256'] : undefined;
  }

  saslStart(cmd: Doc, db: string, state: AuthState): Doc {
    // Users hold SCRAM-SHA-256 credentials only: any other SCRAM attempt fails as mongod's does.
    if (cmd.mechanism === 'SCRAM-SHA-1') throw authFailed();
    if (cmd.mechanism !== 'SCRAM-SHA-256') throw new CommandError(334, 'MechanismUnavailable', `Received authentication for mechanism ${String(cmd.mechanism)} which is not enabled`);
    const clientFirst = payloadText(cmd.payload);
    if (!clientFirst.startsWith('n,,')) throw authFailed();
    const clientFirstBare = clientFirst.slice(3);
    const f = fields(clientFirstBare);
    const user = (f.get('n') ?? '').replace(/=2C/g, ',').replace(/=3D/g, '=');
    const credential = this.find(user, db);
    const clientNonce = f.get('r');
    if (!credential || !clientNonce) throw authFailed();
    const nonce = clientNonce + randomBytes(24).toString('base64');
    const serverFirst = `r=${nonce},s=${credential.salt.toString('base64')},i=${ITERATIONS}`;
    state.conversation = { credential, clientFirstBare, serverFirst, nonce, done: false, skipEmpty: Boolean((cmd.options as Doc | undefined)?.skipEmptyExchange) };
    return { conversationId: 1, done: false, payload: new Binary(Buffer.from(serverFirst)), ok: 1 };
  }

  saslContinue(cmd: Doc, state: AuthState): Doc {
    const conv = state.conversation;
    if (!conv) throw new CommandError(17, 'ProtocolError', 'No SASL session state found');
    if (conv.done) {
      state.conversation = undefined;
      return { conversationId: 1, done: true, payload: new Binary(Buffer.alloc(0)), ok: 1 };
    }
    const clientFinal = payloadText(cmd.payload);
    const f = fields(clientFinal);
    const proof = Buffer.from(f.get('p') ?? '', 'base64');
    const withoutProof = clientFinal.slice(0, clientFinal.lastIndexOf(',p='));
    if (f.get('r') !== conv.nonce || proof.length !== 32) {
      state.conversation = undefined;
      throw authFailed();
    }
    const authMessage = `${conv.clientFirstBare},${conv.serverFirst},${withoutProof}`;
    const signature = hmac(conv.credential.storedKey, authMessage);
    const clientKey = Buffer.from(proof.map((b, i) => b ^ signature[i]));
    if (!timingSafeEqual(sha256(clientKey), conv.credential.storedKey)) {
      state.conversation = undefined;
      throw authFailed();
    }
    const serverSignature = hmac(conv.credential.serverKey, authMessage).toString('base64');
    state.user = `${conv.credential.db}.${conv.credential.user}`;
    if (conv.skipEmpty) state.conversation = undefined;
    else conv.done = true;
    return { conversationId: 1, done: conv.skipEmpty, payload: new Binary(Buffer.from(`v=${serverSignature}`)), ok: 1 };
  }
}

/** Commands a connection may send before it has authenticated (the handshake and SASL). */
export const BEFORE_AUTH = new Set(['hello', 'ismaster', 'saslstart', 'saslcontinue', 'ping', 'buildinfo', 'endsessions']);
