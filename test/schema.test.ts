// Guards the public schema: a change to it must be deliberate (UPDATE_SNAPSHOT=1 npm test).
import { expect } from 'chai';
import fs from 'node:fs';
import { buildSchema, printSchema } from 'graphql';
import { loadTypeDefs } from '../src/schema.js';

const SNAPSHOT = 'test/__snapshots__/schema.graphql';

describe('GraphQL schema', () => {
  const printed = printSchema(buildSchema(loadTypeDefs()));

  it('matches the committed snapshot', () => {
    if (process.env.UPDATE_SNAPSHOT === '1' || !fs.existsSync(SNAPSHOT)) {
      fs.mkdirSync('test/__snapshots__', { recursive: true });
      fs.writeFileSync(SNAPSHOT, printed);
    }
    expect(printed).to.equal(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('describes every enum value', () => {
    const schema = buildSchema(loadTypeDefs());
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !('getValues' in type)) continue;
      for (const v of type.getValues()) if (!v.description) undescribed.push(`${type.name}.${v.name}`);
    }
    expect(undescribed).to.deep.equal([]);
  });
});
