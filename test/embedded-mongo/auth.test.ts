// `npm run db -- --auth`: SCRAM-SHA-256 through the official driver. Embedded only (it
// starts its own server with a users file); the driver's side is the real one.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { MongoClient, MongoServerError } from 'mongodb';
import { loadUsers, startEmbeddedMongo, type EmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { tempDir } from '../helpers/tmp.js';

describe('embedded server authentication (SCRAM-SHA-256)', function () {
  this.timeout(30_000);
  let tmp: ReturnType<typeof tempDir>;
  let server: EmbeddedMongo;
  before(async () => {
    tmp = tempDir('auth');
    const file = path.join(tmp.dir, 'users.json');
    fs.writeFileSync(file, JSON.stringify({ users: [{ user: 'dba', password: '长城-pass,word=1' }, { user: 'app', password: 'app-secret', db: 'honours' }] }));
    server = await startEmbeddedMongo({ users: loadUsers(file) });
  });
  after(async () => {
    await server.stop();
    tmp.remove();
  });

  const withUser = (user: string, password: string, authSource = 'admin') => {
    const u = new URL(server.uri);
    return `mongodb://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${u.host}/?authSource=${authSource}`;
  };

  it('lets a user with the right password in, and only then', async () => {
    const client = await new MongoClient(withUser('dba', '长城-pass,word=1'), { serverSelectionTimeoutMS: 3000 }).connect();
    try {
      await client.db('d').collection('c').insertOne({ a: 1 });
      expect(await client.db('d').collection('c').countDocuments()).to.equal(1);
      const status = await client.db('admin').command({ connectionStatus: 1 });
      expect(status.authInfo.authenticatedUsers).to.deep.equal([{ user: 'dba', db: 'admin' }]);
      // db.getUsers(): each database's users from the file, names and mechanism only.
      const listed = await client.db('admin').command({ usersInfo: 1 });
      expect(listed.users).to.deep.equal([{ _id: 'admin.dba', user: 'dba', db: 'admin', roles: [], mechanisms: ['SCRAM-SHA-256'] }]);
      expect((await client.db('admin').command({ usersInfo: { user: 'app', db: 'honours' } })).users.map((u: { _id: string }) => u._id)).to.deep.equal(['honours.app']);
      expect((await client.db('admin').command({ usersInfo: { forAllDBs: true } })).users).to.have.length(2);
      expect(JSON.stringify(listed)).not.to.match(/salt|storedKey|serverKey|password/i);
    } finally {
      await client.close();
    }
    const app = await new MongoClient(withUser('app', 'app-secret', 'honours'), { serverSelectionTimeoutMS: 3000 }).connect();
    await app.db('honours').command({ ping: 1 });
    await app.close();
  });

  it('refuses a wrong password, an unknown user, and commands before authentication', async () => {
    for (const uri of [withUser('dba', 'wrong'), withUser('nobody', 'x'), withUser('app', 'app-secret', 'admin')]) {
      const err = await new MongoClient(uri, { serverSelectionTimeoutMS: 3000 }).connect().catch((e) => e);
      expect(err, uri).to.be.instanceOf(Error);
      expect(String(err.message)).to.match(/Authentication failed/);
    }
    const anonymous = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 3000 }).connect();
    try {
      await anonymous.db('admin').command({ ping: 1 });
      const err = await anonymous.db('d').collection('c').findOne({}).catch((e) => e);
      expect(err).to.be.instanceOf(MongoServerError);
      expect(err.code).to.equal(13);
      const list = await anonymous.db('admin').command({ listDatabases: 1 }).catch((e) => e);
      expect(list.code).to.equal(13);
    } finally {
      await anonymous.close();
    }
  });
});
