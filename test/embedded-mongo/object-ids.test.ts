// ObjectIds compared and keyed from the driver's integers (no buffer built per read) must
// order and key exactly as their 12 bytes do.
import { expect } from 'chai';
import { ObjectId } from '../../src/embedded-mongo/bson.js';
import { canonicalKey, compareValues } from '../../src/embedded-mongo/values.js';

describe('embedded server: ObjectId order and keys', () => {
  const ids = [
    ...Array.from({ length: 2_000 }, () => new ObjectId()),
    ...Array.from({ length: 2_000 }, () => new ObjectId(Buffer.from(Array.from({ length: 12 }, () => Math.floor(Math.random() * 256))))),
    ...['000000000000000000000000', 'ffffffffffffffffffffffff', '00ffff00ff0000ff00ffff00', '7fffff800000ffffff000001'].map((hex) => new ObjectId(hex)),
  ];

  it('orders as the bytes do', () => {
    for (let i = 0; i + 1 < ids.length; i++) {
      const [a, b] = [ids[i], ids[i + 1]];
      expect(Math.sign(compareValues(a, b)), `${a} ${b}`).to.equal(Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)));
      expect(compareValues(a, new ObjectId(a.toHexString()))).to.equal(0);
    }
  });

  it('keys as the bytes do', () => {
    for (const id of ids) expect(canonicalKey(id)).to.equal(String.fromCharCode(111, ...id.id));
  });
});
