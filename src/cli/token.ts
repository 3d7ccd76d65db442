// `npm run token -- --role <ROLE> [--department <code>]... [--union-group <code>]... [--user <name>]`
// Prints a development token signed with this environment's key (JWT_SECRET, or the secret
// kept in DATA_DIR). The token names no account: it carries the role and scope it was given;
// department and union-group codes must exist in the registry.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { ROLES, type Role } from '../shared/auth/roles.js';
import { TokenService } from '../shared/auth/tokens.js';
import { knownCodes } from './known-codes.js';

function fail(message: string): never {
  process.stderr.write(`${message}\nusage: npm run token -- --role <${ROLES.join('|')}> [--department <code>]... [--union-group <code>]... [--user <name>]\n`);
  process.exit(2);
}

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      department: { type: 'string', multiple: true, default: [] },
      'union-group': { type: 'string', multiple: true, default: [] },
      user: { type: 'string', default: 'developer' },
    },
  });
  const role = values.role?.toUpperCase();
  if (!role || !ROLES.includes(role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'CLERK' && !values.department.length && !values['union-group'].length) fail('a CLERK token needs --department or --union-group');
  const config = loadConfig();
  if (config.production) fail('refusing to mint development tokens with NODE_ENV=production');
  const known = await knownCodes(config);
  const unknown = [
    ...values.department.filter((c) => !known.departments.has(c)).map((c) => `department ${c}`),
    ...values['union-group'].filter((c) => !known.unionGroups.has(c)).map((c) => `union group ${c}`),
  ];
  if (unknown.length) fail(`no such ${unknown.join(', ')} in the registry (known departments: ${[...known.departments].sort().join(', ') || 'none'})`);
  const tokens = TokenService.fromConfig(config);
  const { token, expiresAt } = tokens.sign({
    userId: `dev:${values.user}`,
    username: values.user,
    role: role as Role,
    scope: { departments: values.department, unionGroups: values['union-group'] },
  });
  process.stdout.write(`${token}\n`);
  process.stderr.write(`${role} token for "${values.user}", valid until ${expiresAt.toISOString()}\n`);
} catch (e) {
  fail(e instanceof ConfigError ? e.message : (e as Error).message);
}
