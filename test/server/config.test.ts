import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { configSchema, ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('documents every variable in .env.example, and nothing else', () => {
    const documented = fs
      .readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z_]+=/.test(l))
      .map((l) => l.split('=')[0])
      .sort();
    expect(documented).to.deep.equal(Object.keys(configSchema.shape).sort());
  });

  it('accepts the documented defaults', () => {
    const env = Object.fromEntries(
      fs
        .readFileSync('.env.example', 'utf8')
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.split('=')[0], l.slice(l.indexOf('=') + 1)]),
    );
    const config = loadConfig(env);
    expect(config.PORT).to.equal(4000);
    expect(config.CORS_ORIGINS).to.deep.equal([]);
  });

  it('reports every bad value at once, each naming its variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', JWT_SECRET: 'short', CORS_ORIGINS: 'not a url', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'MONGODB_URI', 'JWT_SECRET', 'CORS_ORIGINS', 'LOG_LEVEL']) expect(problems).to.include(name);
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /JWT_SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).production).to.equal(true);
  });

  it('stops the server at start with a message naming the variable', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], { env: { ...process.env, PORT: '99999', MONGODB_URI: '' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.include('PORT');
    expect(run.stderr).to.include('.env.example');
  });
});
