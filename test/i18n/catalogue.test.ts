// The message catalogue: every key in both languages, and the request's language chosen from
// Accept-Language. (That no bare string reaches a caller is the type checker's part: errors
// take a catalogue Text; the schema fuzz test checks a Chinese caller over every field.)
import { expect } from 'chai';
import { catalogue } from '../../src/messages/catalogue.js';
import { render } from '../../src/shared/i18n/t.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const HAN = /\p{Script=Han}/u;

/** Stands for any parameter a message reads: text (a record noun), a number, a list or a date. */
const anything: unknown = new Proxy(() => 'award', {
  get: (_target, prop) =>
    prop === Symbol.toPrimitive ? () => 'award' : prop === 'length' ? 1 : prop === 'toISOString' ? () => '2020-01-01T00:00:00Z' : prop === 'join' ? () => 'X' : prop === 'map' || prop === 'filter' ? () => ['X'] : anything,
});

/** A message as a caller reads it; where a vocabulary word must be real, its source text. */
function sample(say: (p: unknown) => string): string {
  try {
    return String(say(anything));
  } catch {
    // (the compiled source writes Chinese as \u escapes)
    return String(say).replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

describe('message catalogue', () => {
  it('has every message in Chinese and in English', () => {
    const keys = Object.keys(catalogue) as (keyof typeof catalogue)[];
    expect(keys.length).to.be.greaterThan(200);
    for (const key of keys) {
      const entry = catalogue[key] as { zh: unknown; en: unknown };
      expect(entry.zh, key).to.be.a('function');
      expect(entry.en, key).to.be.a('function');
      const zh = sample(entry.zh as (p: unknown) => string);
      const en = sample(entry.en as (p: unknown) => string);
      expect(zh, key).to.match(HAN);
      expect(en, key).to.be.a('string').and.not.equal(zh);
    }
    expect(render('zh-CN', 'account.usernameTaken', { username: 'li' })).to.equal('用户名 li 已被使用');
    expect(render('en', 'account.usernameTaken', { username: 'li' })).to.equal('username li is taken');
  });

  describe('over HTTP', () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer();
    });
    after(() => t.stop());

    const taken = (headers: Record<string, string>) =>
      t.gql<{ personCreate: { userErrors: { field: string[]; message: string }[] } }>(
        'mutation($i: PersonCreateInput!) { personCreate(input: $i) { userErrors { field code message } } }',
        { i: { staffNumber: 'has space', name: '' } },
        t.tokenFor('ADMIN'),
        headers,
      );

    it('answers in Chinese by default and in English when Accept-Language prefers it', async () => {
      for (const [header, chinese] of [
        ['', true],
        ['zh-CN', true],
        ['en-US,en;q=0.9', false],
        ['zh;q=0.5, en;q=0.9', false],
        ['en;q=0.2, zh-CN;q=0.8', true],
        ['fr-FR', true],
      ] as const) {
        const res = await taken({ 'accept-language': header });
        const messages = res.data!.personCreate.userErrors.map((e) => e.message);
        expect(messages, header).to.have.length(2);
        for (const m of messages) expect(HAN.test(m), `${header}: ${m}`).to.equal(chinese);
      }
    });

    it('says graphql-js and route refusals in Chinese, keeping the original as detail', async () => {
      const res = await t.gql('{ people(first: "ten") { totalCount } }', {}, t.tokenFor('ADMIN'), { 'accept-language': 'zh-CN' });
      expect(res.status).to.equal(400);
      expect(res.errors![0].message).to.match(HAN);
      expect(res.errors![0].extensions!.detail).to.match(/Int cannot represent/);
      const missing = await t.gql('query($y: Int!) { achievementReport(year: $y) { year } }', {}, t.tokenFor('ADMIN'), { 'accept-language': 'zh-CN' });
      expect(missing.errors![0].message).to.equal('缺少必填变量 $y（类型 Int!）');
      const route = await fetch(`${t.url}/reports/2020/achievements.md?x=1`, { headers: { authorization: `Bearer ${t.tokenFor('ADMIN')}` } });
      expect(route.status).to.equal(400);
      expect(((await route.json()) as { errors: { message: string }[] }).errors[0].message).to.match(/^未知的查询参数 x；可用：/);
    });
  });
});
