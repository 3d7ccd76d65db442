// JWTs with the algorithm pinned: HS256 with a shared secret, or RS256 with a key pair.
// `exp` is required, `iss` and `aud` are checked, and clock skew is tolerated up to 30 s.
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Config } from '../../config.js';
import { isFederationRole, ROLES, type Viewer } from './roles.js';

export const CLOCK_TOLERANCE_SECONDS = 30;

const claimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  dep: z.array(z.string()).default([]),
  grp: z.array(z.string()).default([]),
  ver: z.number().int().min(0).optional(),
  /** The institution acted in (institution roles), and a whole-institution CLERK scope. */
  ins: z.string().regex(/^[0-9a-f]{24}$/).optional(),
  all: z.boolean().optional(),
}).refine((c) => (isFederationRole(c.role) ? c.ins === undefined : c.ins !== undefined));

export class TokenService {
  private constructor(
    private readonly algorithm: 'HS256' | 'RS256',
    private readonly signingKey: KeyObject,
    private readonly verifyKey: KeyObject,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  static fromConfig(config: Config, onSecretCreated?: (file: string) => void): TokenService {
    const { JWT_ISSUER: iss, JWT_AUDIENCE: aud, JWT_TTL_SECONDS: ttl } = config;
    if (config.JWT_PRIVATE_KEY_FILE && config.JWT_PUBLIC_KEY_FILE) {
      return new TokenService('RS256', createPrivateKey(fs.readFileSync(config.JWT_PRIVATE_KEY_FILE)), createPublicKey(fs.readFileSync(config.JWT_PUBLIC_KEY_FILE)), iss, aud, ttl);
    }
    // Key objects made once: given a string, jsonwebtoken would convert it on every call.
    const secret = createSecretKey(Buffer.from(config.JWT_SECRET ?? developmentSecret(config.dataDir, onSecretCreated)));
    return new TokenService('HS256', secret, secret, iss, aud, ttl);
  }

  /** Signs with a throwaway key: for contexts that act as the system and never issue tokens. */
  static ephemeral(): TokenService {
    const key = createSecretKey(randomBytes(48));
    return new TokenService('HS256', key, key, 'system', 'system', 60);
  }

  sign(viewer: Viewer): { token: string; expiresAt: Date } {
    const claims = {
      name: viewer.username,
      role: viewer.role,
      dep: viewer.scope.departments,
      grp: viewer.scope.unionGroups,
      ...(viewer.scope.wholeInstitution ? { all: true } : {}),
      ...(viewer.institution ? { ins: viewer.institution } : {}),
      ...(viewer.tokenVersion === undefined ? {} : { ver: viewer.tokenVersion }),
    };
    const token = jwt.sign(claims, this.signingKey, {
      algorithm: this.algorithm,
      subject: viewer.userId,
      issuer: this.issuer,
      audience: this.audience,
      expiresIn: this.ttlSeconds,
    });
    return { token, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  /** The viewer a token speaks for, or null for any token that does not verify. */
  verify(token: string): Viewer | null {
    try {
      const payload = jwt.verify(token, this.verifyKey, {
        algorithms: [this.algorithm],
        issuer: this.issuer,
        audience: this.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        complete: false,
      });
      if (typeof payload !== 'object' || typeof payload.exp !== 'number') return null;
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return null;
      const c = claims.data;
      return {
        userId: c.sub,
        username: c.name,
        role: c.role,
        institution: c.ins ?? null,
        scope: { departments: c.dep, unionGroups: c.grp, ...(c.all ? { wholeInstitution: true } : {}) },
        ...(c.ver === undefined ? {} : { tokenVersion: c.ver }),
      };
    } catch {
      return null;
    }
  }
}

/** In development a random secret is created once in DATA_DIR (mode 0600) and reused. */
function developmentSecret(dataDir: string, onCreated?: (file: string) => void): string {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
      onCreated?.(file);
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // another process created it first
    }
  }
}
