// $currentOp (mongosh's db.currentOp(), Compass's performance view): the operations in
// progress. The store runs one command at a time, so while this one runs it is the only
// active operation; idle connections, cursors and sessions are not listed, and asking for
// idle connections is refused rather than answered with a list that leaves them out.
import { Long, type Doc } from './bson.js';
import { CommandError, badValue } from './errors.js';

const OPTIONS = new Set(['allUsers', 'idleConnections', 'idleCursors', 'idleSessions', 'localOps', 'truncateOps', 'backtrace']);

export interface CurrentOperation {
  connectionId: number;
  client: string;
  host: string;
  /** The aggregate command being run, as received. */
  command: Doc;
  startedAt: bigint;
}

let nextOpId = 1;

export function currentOp(db: string, collection: unknown, spec: unknown, running: CurrentOperation): Doc[] {
  if (db !== 'admin' || collection !== 1) throw new CommandError(73, 'InvalidNamespace', "$currentOp must be run against the 'admin' database with {aggregate: 1}");
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw badValue('$currentOp options must be specified in an object');
  for (const [option, value] of Object.entries(spec as Doc)) {
    if (!OPTIONS.has(option)) throw badValue(`Unrecognized option '${option}' in $currentOp stage.`);
    if (typeof value !== 'boolean') throw badValue(`The '${option}' parameter of the $currentOp stage must be a boolean value, but found: ${typeof value}`);
  }
  if ((spec as Doc).idleConnections === true) throw new CommandError(115, 'CommandNotSupported', 'idleConnections is not supported by the embedded server: it lists the operation in progress only');
  const micros = Number((process.hrtime.bigint() - running.startedAt) / 1000n);
  return [
    {
      type: 'op',
      host: running.host,
      desc: `conn${running.connectionId}`,
      connectionId: running.connectionId,
      client: running.client,
      active: true,
      currentOpTime: new Date().toISOString(),
      threaded: true,
      opid: nextOpId++,
      secs_running: Long.fromNumber(Math.floor(micros / 1e6)),
      microsecs_running: Long.fromNumber(micros),
      op: 'command',
      ns: 'admin.$cmd.aggregate',
      command: running.command,
      numYields: 0,
      locks: {},
      waitingForLock: false,
      lockStats: {},
    },
  ];
}
