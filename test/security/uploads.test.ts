// Uploads are bounded before they cost anything: who is asking and the import slots are
// checked before the body is read, a zip bomb is refused while it inflates, row and column
// caps stop reading at once, and /healthz keeps answering throughout.
import { expect } from 'chai';
import http from 'node:http';
import { xlsxBomb } from '../helpers/zip-bomb.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const BOUNDARY = 'hostile-upload-boundary';
const partHead = (name: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
const partTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { errors?: { message: string; extensions: { code: string } }[]; status?: string; counts?: Record<string, number>; rows?: { outcome: string; errors: { message: string }[] }[] };
}

/** Posts a multipart upload over raw HTTP, so a test can hold the body back or stop early. */
function upload(t: TestServer, path: string, file: Buffer, options: { token?: string; sendBytes?: number; headers?: Record<string, string>; name?: string } = {}): { answer: Promise<Answer>; request: http.ClientRequest; bodyDone: () => boolean } {
  const url = new URL(path, t.url);
  const body = Buffer.concat([partHead(options.name ?? (file.readUInt32LE(0) === 0x04034b50 ? 'upload.xlsx' : 'upload.csv')), file, partTail]);
  let written = 0;
  const request = http.request(url, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(body.length), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') }));
    });
    request.on('error', reject);
  });
  const limit = options.sendBytes ?? body.length;
  const slice = body.subarray(0, limit);
  written = slice.length;
  request.write(slice);
  if (limit >= body.length) request.end();
  return { answer, request, bodyDone: () => written >= body.length };
}

const csv = (rows: number, columns = 3) => Buffer.from(['工号,姓名,性别' + ',备注'.repeat(Math.max(0, columns - 3)), ...Array.from({ length: rows }, (_, i) => `T${i},张,女`)].join('\n'));

describe('hostile uploads', function () {
  this.timeout(60_000);
  let t: TestServer;
  let admin: string;
  before(async () => {
    t = await startTestServer({ IMPORTS_AT_ONCE: '4' });
    admin = t.tokenFor('ADMIN');
  });
  after(() => t.stop());

  it('refuses four concurrent 1.2 GB zip bombs while inflating, with /healthz answering and RSS bounded', async () => {
    const honest = xlsxBomb(1200 << 20);
    const lying = xlsxBomb(1200 << 20, { lie: true });
    expect(honest.length).to.be.lessThan(1.5 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    let healthy = 0;
    let stop = false;
    const health = (async () => {
      while (!stop) {
        if ((await fetch(`${t.url}/healthz`)).status === 200) healthy++;
      }
    })();
    try {
      const answers = await Promise.all([honest, lying, honest, lying].map((file) => upload(t, '/imports/awards?mode=dryRun', file, { token: admin }).answer));
      for (const a of answers) {
        expect(a.status).to.equal(413);
        expect(a.body.errors![0].extensions.code).to.equal('PAYLOAD_TOO_LARGE');
        expect(a.body.errors![0].message).to.equal('工作簿解压后超过 50 MiB 的上限');
      }
    } finally {
      stop = true;
      clearInterval(sampler);
      await health;
    }
    expect(healthy).to.be.greaterThan(0);
    // Four lying bombs may each inflate up to the 50 MiB limit before refusal: well under 1 GB.
    expect(peak - rssBefore).to.be.lessThan(500 * 1024 * 1024);
    expect((await fetch(`${t.url}/healthz`)).status).to.equal(200);
  });

  it('stops reading a 250,000-row CSV at the row cap, answering 413 in Chinese or English while /healthz answers', async () => {
    const file = csv(250_000);
    expect(file.length).to.be.lessThan(5 * 1024 * 1024);
    let healthyBeforeAnswer = 0;
    let answered = false;
    const pending = upload(t, '/imports/people?mode=dryRun', file, { token: admin }).answer.then((a) => ((answered = true), a));
    while (!answered) {
      const res = await fetch(`${t.url}/healthz`);
      if (res.status === 200 && !answered) healthyBeforeAnswer++;
    }
    const zh = await pending;
    expect(zh.status).to.equal(413);
    expect(zh.body.errors![0].message).to.equal('数据行超过 20000 行的上限，请分批导入');
    expect(healthyBeforeAnswer).to.be.greaterThan(0);
    const en = await upload(t, '/imports/people?mode=dryRun', file, { token: admin, headers: { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' } }).answer;
    expect(en.status).to.equal(413);
    expect(en.body.errors![0].message).to.equal('the sheet has more than the limit of 20000 data rows; import it in parts');
    expect(await t.models.Person.countDocuments({ staffNumber: /^T/ })).to.equal(0);
  });

  it('refuses a sheet wider than the column cap', async () => {
    const wide = await upload(t, '/imports/people?mode=dryRun', csv(3, 60), { token: admin }).answer;
    expect(wide.status).to.equal(413);
    expect(wide.body.errors![0].message).to.match(/列数超过 50 列/);
  });

  it('answers anonymous, unauthorised and unknown-kind uploads before reading their bodies', async () => {
    const file = Buffer.alloc(5 * 1024 * 1024 - 1024, 65);
    const cases: [string, string | undefined, number][] = [
      ['/imports/awards', undefined, 401],
      ['/imports/awards', 'bogus-token', 401],
      ['/imports/awards', t.tokenFor('VIEWER'), 403],
      ['/imports/nothing', admin, 404],
      ['/imports/awards?mode=later', admin, 400],
    ];
    for (const [path, token, status] of cases) {
      // Only the first 64 KiB are sent: the answer must come without the rest.
      const { answer, bodyDone, request } = upload(t, path, file, { token, sendBytes: 64 * 1024 });
      const a = await answer;
      expect(a.status, path).to.equal(status);
      expect(bodyDone()).to.equal(false);
      expect(a.headers.connection).to.equal('close');
      request.destroy();
    }
    const declaredTooLarge = upload(t, '/imports/awards', Buffer.alloc(6 * 1024 * 1024), { token: admin, sendBytes: 1024 });
    expect((await declaredTooLarge.answer).status).to.equal(413);
    declaredTooLarge.request.destroy();
  });
});

describe('import slots', function () {
  this.timeout(30_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ IMPORTS_AT_ONCE: '1' });
  });
  after(() => t.stop());

  it('answers 429 with Retry-After when every import slot is taken, and frees the slot after', async () => {
    const admin = t.tokenFor('ADMIN');
    const file = csv(10);
    const held = upload(t, '/imports/people?mode=dryRun', file, { token: admin, sendBytes: 100 });
    await new Promise((r) => setTimeout(r, 200));
    const second = await upload(t, '/imports/people?mode=dryRun', file, { token: admin }).answer;
    expect(second.status).to.equal(429);
    expect(second.headers['retry-after']).to.equal('5');
    expect(second.body.errors![0].extensions.code).to.equal('RATE_LIMITED');
    held.request.destroy();
    await held.answer.catch(() => null);
    await new Promise((r) => setTimeout(r, 200));
    expect((await upload(t, '/imports/people?mode=dryRun', file, { token: admin }).answer).status).to.equal(200);
  });
});
