// MongoDB wire protocol framing: OP_MSG (both section kinds, checksum, moreToCome) and the
// legacy OP_QUERY/OP_REPLY pair that drivers still use for the first handshake.
import { crc32c } from './crc32c.js';
import { deserializeCommand, keepArrival, replyPieces, serialize, type Doc } from './bson.js';
import { markTypedNumbersSeen, promoteOutsidePayload } from './numbers.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

export const FLAG_CHECKSUM = 1;
export const FLAG_MORE_TO_COME = 2;

export interface Header {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export type Request =
  | { kind: 'msg'; header: Header; flags: number; body: Doc }
  | { kind: 'query'; header: Header; ns: string; body: Doc };

export class ProtocolError extends Error {}

export function readHeader(buf: Buffer): Header {
  return { length: buf.readInt32LE(0), requestId: buf.readInt32LE(4), responseTo: buf.readInt32LE(8), opCode: buf.readInt32LE(12) };
}

function readCString(buf: Buffer, pos: number): [string, number] {
  const end = buf.indexOf(0, pos);
  if (end < 0) throw new ProtocolError('unterminated string in message');
  return [buf.toString('utf8', pos, end), end + 1];
}

/**
 * One document of a message, decoded; `typed` when it kept typed numbers. `keep`: the document
 * is one to store (an insert's); its bytes are kept for its journal record.
 */
function readDocument(buf: Buffer, pos: number, limit: number, keep = false): { doc: Doc; end: number; typed: boolean } {
  if (pos + 5 > limit) throw new ProtocolError('document runs past the end of the message');
  const size = buf.readInt32LE(pos);
  if (size < 5 || pos + size > limit) throw new ProtocolError(`invalid document length ${size}`);
  try {
    const bytes = buf.subarray(pos, pos + size);
    const { doc, typed } = deserializeCommand(bytes);
    // A document with typed numbers is stored as the command's numbers make it: encoded again.
    if (keep && !typed) keepArrival(doc, bytes);
    return { doc, end: pos + size, typed };
  } catch (e) {
    throw new ProtocolError(`invalid BSON: ${(e as Error).message}`);
  }
}

/** Parses one complete message (header included). */
export function parseMessage(buf: Buffer): Request {
  const header = readHeader(buf);
  if (header.opCode === OP_MSG) {
    const flags = buf.readUInt32LE(16);
    let end = buf.length;
    if (flags & FLAG_CHECKSUM) {
      end -= 4;
      if (crc32c(buf.subarray(0, end)) !== buf.readUInt32LE(end)) throw new ProtocolError('OP_MSG checksum mismatch');
    }
    let pos = 20;
    let body: Doc | undefined;
    // Typed numbers outside what the command stores are promoted; an insert's documents sent
    // as a sequence are known typed or not one by one, without walking them again.
    let typedCommand = false;
    let typedDocuments = false;
    const sequences: [string, Doc[]][] = [];
    while (pos < end) {
      const kind = buf[pos++];
      if (kind === 0) {
        if (body) throw new ProtocolError('OP_MSG has more than one body section');
        const read = readDocument(buf, pos, end);
        body = read.doc;
        pos = read.end;
        typedCommand ||= read.typed;
      } else if (kind === 1) {
        const size = buf.readInt32LE(pos);
        const sectionEnd = pos + size;
        if (size < 5 || sectionEnd > end) throw new ProtocolError(`invalid document sequence length ${size}`);
        let id: string;
        [id, pos] = readCString(buf, pos + 4);
        const docs: Doc[] = [];
        while (pos < sectionEnd) {
          const read = readDocument(buf, pos, sectionEnd, id === 'documents');
          docs.push(read.doc);
          pos = read.end;
          if (id === 'documents') typedDocuments ||= read.typed;
          else typedCommand ||= read.typed;
        }
        sequences.push([id, docs]);
      } else throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
    if (!body) throw new ProtocolError('OP_MSG has no body section');
    const merge = (id: string, docs: Doc[]) => (body![id] = [...((body![id] as Doc[] | undefined) ?? []), ...docs]);
    for (const [id, docs] of sequences) if (id !== 'documents') merge(id, docs);
    // Typed numbers are kept in what the command stores; its filters and options get numbers.
    if (typedCommand) promoteOutsidePayload(body);
    if (typedDocuments) markTypedNumbersSeen();
    for (const [id, docs] of sequences) if (id === 'documents') merge(id, docs);
    return { kind: 'msg', header, flags, body };
  }
  if (header.opCode === OP_QUERY) {
    const [ns, pos] = readCString(buf, 20);
    const read = readDocument(buf, pos + 8, buf.length);
    let body = read.doc;
    if (body.$query && typeof body.$query === 'object') body = body.$query as Doc;
    if (read.typed) promoteOutsidePayload(body);
    return { kind: 'query', header, ns, body };
  }
  throw new ProtocolError(`unsupported opCode ${header.opCode}`);
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeMsgReply(responseTo: number, doc: Doc): Buffer {
  const body = replyPieces(doc);
  const prefix = Buffer.alloc(5); // flagBits (0) + section kind 0
  return Buffer.concat([header(16 + 5 + body.size, responseTo, OP_MSG), prefix, ...body.parts], 16 + 5 + body.size);
}

export function encodeLegacyReply(responseTo: number, doc: Doc): Buffer {
  const body = serialize(doc);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(8, 0); // AwaitCapable
  fields.writeBigInt64LE(0n, 4);
  fields.writeInt32LE(0, 12);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(16 + 20 + body.length, responseTo, OP_REPLY), fields, body]);
}
