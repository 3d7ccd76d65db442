// Passwords follow NIST SP 800-63B: length, no blank or control-only ones, no common ones.
import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../src/config.js';
import { passwordProblem } from '../../src/shared/auth/password-policy.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('password policy', () => {
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer();
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  const create = `mutation($i: UserCreateInput!) { userCreate(input: $i) { user { id } userErrors { field code message } } }`;

  it('refuses short, blank, control-only, repeated, common and username-bearing passwords, writing nothing', async () => {
    const refused: [string, RegExp][] = [
      ['1234567890', /at least 12 characters/],
      [' '.repeat(12), /spaces or control characters only/],
      ['\u0001'.repeat(12), /spaces or control characters only/],
      ['\u3000'.repeat(12), /spaces or control characters only/],
      ['aaaaaaaaaaaa', /one character repeated/],
      ['password1234', /commonly used/],
      ['123456789012', /commonly used/],
      ['zhang.san-secret', /contain the username/],
    ];
    for (const [password, message] of refused) {
      const res = await t.gql<{ userCreate: { user: null; userErrors: { field: string[]; message: string }[] } }>(
        create,
        { i: { username: 'zhang.san', password, displayName: '张三', role: 'VIEWER' } },
        admin,
      );
      expect(res.data!.userCreate.user, JSON.stringify(password)).to.equal(null);
      expect(res.data!.userCreate.userErrors[0].field).to.deep.equal(['input', 'password']);
      expect(res.data!.userCreate.userErrors[0].message).to.match(message);
      expect(res.body).to.not.include(password.trim() || '\u0000');
    }
    expect(await t.models.User.countDocuments({ username: 'zhang.san' })).to.equal(0);
    const ok = await t.gql<{ userCreate: { user: { id: string } | null } }>(create, { i: { username: 'zhang.san', password: '长城 horse battery 9', displayName: '张三', role: 'VIEWER' } }, admin);
    expect(ok.data!.userCreate.user).to.not.equal(null);
  });

  it('counts characters, not bytes, and applies the same rules to ADMIN_PASSWORD', () => {
    expect(passwordProblem('一二三四五六七八九十百千')).to.equal(null);
    expect(passwordProblem('一二三四五六七八九十百')).to.match(/至少需要 12 个字符/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'qwertyuiop12' })).to.throw(ConfigError, /ADMIN_PASSWORD: 这是常见密码/);
    expect(loadConfig({ ADMIN_PASSWORD: 'a-long-unusual-one' }).ADMIN_PASSWORD).to.equal('a-long-unusual-one');
  });
});
