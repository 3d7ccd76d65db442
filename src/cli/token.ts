// `npm run token -- --role <ROLE> [--institution <code>] [--department <code>]... [--union-group <code>]... [--whole-institution] [--user <name>]`
// Prints a development token signed with this environment's key (JWT_SECRET, or the secret
// kept in DATA_DIR). The token names no account: it carries the role, institution and scope
// it was given. Without --institution it acts in the registry's own (first non-demo)
// institution; the federation roles act in none. Codes must exist in the registry.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { isFederationRole, ROLES, type Role } from '../shared/auth/roles.js';
import { TokenService } from '../shared/auth/tokens.js';
import { knownInstitutions } from './known-codes.js';

function fail(message: string): never {
  process.stderr.write(
    `${message}\nusage: npm run token -- --role <${ROLES.join('|')}> [--institution <code>] [--department <code>]... [--union-group <code>]... [--whole-institution] [--user <name>]\n`,
  );
  process.exit(2);
}

try {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      institution: { type: 'string' },
      department: { type: 'string', multiple: true, default: [] },
      'union-group': { type: 'string', multiple: true, default: [] },
      'whole-institution': { type: 'boolean', default: false },
      user: { type: 'string', default: 'developer' },
    },
  });
  const role = values.role?.toUpperCase() as Role | undefined;
  if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const scoped = values.department.length > 0 || values['union-group'].length > 0;
  if (role === 'CLERK' && !scoped && !values['whole-institution']) fail('a CLERK token needs --department, --union-group or --whole-institution');
  if (isFederationRole(role) && (values.institution || scoped)) fail(`${role} acts across institutions: give no --institution or scope`);
  const config = loadConfig();
  if (config.production) fail('refusing to mint development tokens with NODE_ENV=production');
  let institution: string | null = null;
  let label = 'the federation';
  if (!isFederationRole(role)) {
    const known = await knownInstitutions(config);
    const found = values.institution ? known.find((i) => i.code === values.institution) : known.find((i) => !i.demo);
    if (!found) fail(values.institution ? `no institution has the code ${values.institution} (known: ${known.map((i) => i.code).join(', ') || 'none'})` : 'the registry holds no institution yet: start the server once');
    const unknown = [
      ...values.department.filter((c) => !found.departments.has(c)).map((c) => `department ${c}`),
      ...values['union-group'].filter((c) => !found.unionGroups.has(c)).map((c) => `union group ${c}`),
    ];
    if (unknown.length) fail(`no such ${unknown.join(', ')} in ${found.code} (its departments: ${[...found.departments].sort().join(', ') || 'none'})`);
    institution = found.id;
    label = `${found.code} (${found.name})`;
  }
  const { token, expiresAt } = TokenService.fromConfig(config).sign({
    userId: `dev:${values.user}`,
    username: values.user,
    role,
    institution,
    scope: { departments: values.department, unionGroups: values['union-group'], ...(values['whole-institution'] && role === 'CLERK' ? { wholeInstitution: true } : {}) },
  });
  process.stdout.write(`${token}\n`);
  process.stderr.write(`${role} token for "${values.user}" in ${label}, valid until ${expiresAt.toISOString()}\n`);
} catch (e) {
  fail(e instanceof ConfigError ? e.message : (e as Error).message);
}
