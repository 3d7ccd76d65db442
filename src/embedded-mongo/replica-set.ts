// The replica-set status a tool asks for (mongosh's rs.status() and rs.conf(), Compass's
// server view): this node is the one member and primary of its set, as hello says. Shapes as
// MongoDB 7 documents them ("replSetGetStatus", "replSetGetConfig"), with the fields a
// single healthy member has.
import { Long, ObjectId, Timestamp, type Doc } from './bson.js';
import { unauthorized } from './errors.js';

export interface ReplicaSetNode {
  replicaSet: string;
  address: string;
  startedAt: number;
}

/** One id per server process, as a set's replicaSetId is fixed when it is initiated. */
const REPLICA_SET_ID = new ObjectId();
const TERM = Long.fromNumber(1);

function adminOnly(command: string, db: string) {
  if (db !== 'admin') throw unauthorized(`${command} may only be run against the admin database.`);
}

/** The optime of now: every acknowledged write is durable on the only member, so all optimes agree. */
function optimeNow() {
  const now = new Date();
  return { optime: { ts: new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }), t: TERM }, at: now };
}

export function replSetGetStatus(db: string, node: ReplicaSetNode): Doc {
  adminOnly('replSetGetStatus', db);
  const { optime, at } = optimeNow();
  const started = new Date(node.startedAt);
  return {
    set: node.replicaSet,
    date: at,
    myState: 1,
    term: TERM,
    syncSourceHost: '',
    syncSourceId: -1,
    heartbeatIntervalMillis: Long.fromNumber(2000),
    majorityVoteCount: 1,
    writeMajorityCount: 1,
    votingMembersCount: 1,
    writableVotingMembersCount: 1,
    optimes: { lastCommittedOpTime: optime, lastCommittedWallTime: at, readConcernMajorityOpTime: optime, appliedOpTime: optime, durableOpTime: optime, lastAppliedWallTime: at, lastDurableWallTime: at },
    members: [
      {
        _id: 0,
        name: node.address,
        health: 1,
        state: 1,
        stateStr: 'PRIMARY',
        uptime: Math.floor((Date.now() - node.startedAt) / 1000),
        optime,
        optimeDate: at,
        lastAppliedWallTime: at,
        lastDurableWallTime: at,
        syncSourceHost: '',
        syncSourceId: -1,
        infoMessage: '',
        electionTime: new Timestamp({ t: Math.floor(node.startedAt / 1000), i: 1 }),
        electionDate: started,
        configVersion: 1,
        configTerm: 1,
        self: true,
        lastHeartbeatMessage: '',
      },
    ],
    ok: 1,
  };
}

export function replSetGetConfig(db: string, node: ReplicaSetNode): Doc {
  adminOnly('replSetGetConfig', db);
  return {
    config: {
      _id: node.replicaSet,
      version: 1,
      term: 1,
      members: [{ _id: 0, host: node.address, arbiterOnly: false, buildIndexes: true, hidden: false, priority: 1, tags: {}, secondaryDelaySecs: Long.fromNumber(0), votes: 1 }],
      protocolVersion: Long.fromNumber(1),
      writeConcernMajorityJournalDefault: true,
      settings: {
        chainingAllowed: true,
        heartbeatIntervalMillis: 2000,
        heartbeatTimeoutSecs: 10,
        electionTimeoutMillis: 10000,
        catchUpTimeoutMillis: -1,
        catchUpTakeoverDelayMillis: 30000,
        getLastErrorModes: {},
        getLastErrorDefaults: { w: 1, wtimeout: 0 },
        replicaSetId: REPLICA_SET_ID,
      },
    },
    ok: 1,
  };
}
