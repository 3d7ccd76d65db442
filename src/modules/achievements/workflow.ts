// The verification workflow shared by awards, honours, designations and donations:
// DRAFT → SUBMITTED → VERIFIED, or RETURNED with a reason; clerks edit drafts and returned
// records in their scope; verifiers and admins verify; editing a verified record keeps the
// old version in `history`. Every transition is a single conditional update, audited.
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import type { ScopeTarget } from '../../shared/auth/guard.js';
import { forbidden, userError } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { parseInput, text } from '../../shared/validation.js';
import { z } from 'zod';
import type { Actor } from './model.js';
import { t, type Text } from '../../shared/i18n/t.js';
import type { RecordNoun } from '../../messages/words.js';

export type Status = 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED';

export interface WorkflowRecord {
  _id: Types.ObjectId;
  status: Status;
  revision: number;
}

/** The part of a mongoose model the workflow needs. */
export interface WorkflowModel {
  findById(id: Types.ObjectId): { lean(): PromiseLike<unknown> };
  findOneAndUpdate(filter: Record<string, unknown>, update: Record<string, unknown>, options: Record<string, unknown>): { lean(): PromiseLike<unknown> };
  deleteOne(filter: Record<string, unknown>): PromiseLike<{ deletedCount?: number }>;
}

export interface WorkflowSubject<R extends WorkflowRecord> {
  /** Global id type and audit entity type, e.g. Award. */
  typeName: string;
  /** Mutation prefix, e.g. award (awardSubmit ...). */
  operation: string;
  /** How messages name the record. */
  noun: RecordNoun;
  model: WorkflowModel;
  /** Scope targets of a stored record (its recipients' places). */
  targets(ctx: RequestContext, record: R): Promise<ScopeTarget[]>;
  /** Extra condition on the stored document (e.g. the discriminator kind). */
  match?: Record<string, unknown>;
  /** Keeps what is derived from the records current, in the write's transaction. */
  written?(before: R | null, after: R | null): Promise<void>;
}

/** Fields that describe the workflow, not the fact: not part of a revision's snapshot. */
const NOT_SNAPSHOT = new Set(['history', 'statusLog', 'stateLog', '__v', 'updatedAt']);

export function actorOf(ctx: RequestContext): Actor {
  const viewer = ctx.guard.requireViewer();
  return { userId: viewer.userId, username: viewer.username };
}

const returnSchema = z.object({ id: z.string(), reason: text('field.reason', 500) });

export class Workflow<R extends WorkflowRecord> {
  constructor(
    private readonly ctx: RequestContext,
    private readonly subject: WorkflowSubject<R>,
  ) {}

  async load(globalId: string): Promise<R> {
    const id = idOfType(globalId, this.subject.typeName);
    const record = id ? ((await this.subject.model.findById(id).lean()) as R | null) : null;
    if (!record || Object.entries(this.subject.match ?? {}).some(([k, v]) => (record as unknown as Record<string, unknown>)[k] !== v)) {
      throw userError(['input', 'id'], 'NOT_FOUND', t('record.notFound', { noun: this.subject.noun, id: globalId }));
    }
    return record;
  }

  private async requireScope(action: Text, record: R) {
    await this.ctx.guard.requireWriteAt(action, ...(await this.subject.targets(this.ctx, record)));
  }

  /**
   * Checks the viewer may edit this record in its current state, and says how: a verified
   * record gets a new revision. Returns the fields to add to the update.
   */
  async editPlan(record: R, newTargets: ScopeTarget[]): Promise<{ set: Record<string, unknown>; push: Record<string, unknown> }> {
    const action = t('action.edit', { noun: this.subject.noun });
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'CLERK'], action);
    if (viewer.role === 'CLERK') {
      if (record.status === 'VERIFIED') throw forbidden(t('record.verifiedForClerk', { action }));
      if (record.status === 'SUBMITTED') throw userError(['input', 'id'], 'INVALID_STATE', t('record.awaitingVerification', { noun: this.subject.noun }));
      await this.requireScope(action, record);
      await this.ctx.guard.requireWriteAt(action, ...newTargets);
    } else if (viewer.role === 'VERIFIER' && (record.status === 'DRAFT' || record.status === 'RETURNED')) {
      throw forbidden(t('record.draftsAreClerks', { action }));
    }
    if (record.status !== 'VERIFIED') return { set: {}, push: {} };
    const snapshot = Object.fromEntries(Object.entries(record as object).filter(([k]) => !NOT_SNAPSHOT.has(k)));
    const by = actorOf(this.ctx);
    return {
      // A verifier's correction of a verified record is itself checked by nobody else: it is
      // recorded (history, audit) and the record stays verified under the corrector's name.
      set: { revision: record.revision + 1, verifiedBy: by, verifiedAt: new Date() },
      push: { history: { revision: record.revision, at: new Date(), by, snapshot } },
    };
  }

  /** Applies an edit atomically, only if nobody changed the record meanwhile. */
  async applyEdit(record: R, set: Record<string, unknown>, unset: Record<string, ''>, plan: { set: Record<string, unknown>; push: Record<string, unknown> }): Promise<R> {
    // An edit that changes nothing writes nothing: no revision, no history, no audit entry.
    if (changesNothing(record as unknown as Record<string, unknown>, set, unset)) return record;
    const update: Record<string, unknown> = { $set: { ...set, ...plan.set, lastChangedBy: actorOf(this.ctx) } };
    if (Object.keys(unset).length) update.$unset = unset;
    if (Object.keys(plan.push).length) update.$push = plan.push;
    const after = (await this.subject.model
      .findOneAndUpdate({ _id: record._id, status: record.status, revision: record.revision, ...this.subject.match }, update, { returnDocument: 'after', runValidators: true })
      .lean()) as R | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', t('record.changedMeanwhile', { noun: this.subject.noun }));
    await this.subject.written?.(record, after);
    await this.ctx.services.audit.record(`${this.subject.operation}Update`, this.subject.typeName, record._id, record, after);
    return after;
  }

  private async transition(record: R, from: Status[], to: Status, operation: string, extra: Record<string, unknown> = {}, reason?: string): Promise<R> {
    if (!from.includes(record.status)) {
      throw userError(['input', 'id'], 'INVALID_STATE', t('record.wrongStatus', { noun: this.subject.noun, status: record.status, operation, from }));
    }
    const by = actorOf(this.ctx);
    const after = (await this.subject.model
      .findOneAndUpdate(
        { _id: record._id, status: record.status, ...this.subject.match },
        { $set: { status: to, ...extra }, $push: { statusLog: { status: to, at: new Date(), by, reason } } },
        { returnDocument: 'after' },
      )
      .lean()) as R | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', t('record.changedMeanwhile', { noun: this.subject.noun }));
    await this.subject.written?.(record, after);
    await this.ctx.services.audit.record(operation, this.subject.typeName, record._id, record, after);
    return after;
  }

  async submit(input: { id: string }): Promise<R> {
    const action = t('action.submit', { noun: this.subject.noun });
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], action);
    const record = await this.load(input.id);
    await this.requireScope(action, record);
    return this.transition(record, ['DRAFT', 'RETURNED'], 'SUBMITTED', `${this.subject.operation}Submit`);
  }

  async verify(input: { id: string }): Promise<R> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'VERIFIER'], t('action.verify', { noun: this.subject.noun }));
    const record = await this.load(input.id);
    await this.requireSecondPair(viewer.userId, record);
    return this.transition(record, ['SUBMITTED'], 'VERIFIED', `${this.subject.operation}Verify`, { verifiedBy: actorOf(this.ctx), verifiedAt: new Date() });
  }

  /** Four eyes: whoever entered or last changed a record does not verify it (unless the registry allows it). */
  private async requireSecondPair(userId: string, record: R) {
    const { enteredBy, lastChangedBy } = record as unknown as { enteredBy?: Actor; lastChangedBy?: Actor };
    const own = enteredBy?.userId === userId ? 'entered' : lastChangedBy?.userId === userId ? 'last changed' : null;
    if (!own || (await this.ctx.services.settings.current()).singlePersonVerification) return;
    throw forbidden(t('record.fourEyes', { noun: this.subject.noun, own }));
  }

  async return(input: unknown): Promise<R> {
    this.ctx.guard.requireRole(['ADMIN', 'VERIFIER'], t('action.return', { noun: this.subject.noun }));
    const { id, reason } = parseInput(returnSchema, input);
    return this.transition(await this.load(id), ['SUBMITTED'], 'RETURNED', `${this.subject.operation}Return`, { returnReason: reason }, reason);
  }

  async delete(input: { id: string }): Promise<string> {
    const action = t('action.delete', { noun: this.subject.noun });
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], action);
    const record = await this.load(input.id);
    await this.requireScope(action, record);
    if (record.status !== 'DRAFT' && record.status !== 'RETURNED') {
      throw userError(['input', 'id'], 'INVALID_STATE', t('record.onlyDraftsDeleted', { noun: this.subject.noun, status: record.status }));
    }
    const { deletedCount } = await this.subject.model.deleteOne({ _id: record._id, status: record.status, revision: record.revision });
    if (!deletedCount) throw userError(['input', 'id'], 'INVALID_STATE', t('record.changedMeanwhile', { noun: this.subject.noun }));
    await this.subject.written?.(record, null);
    await this.ctx.services.audit.record(`${this.subject.operation}Delete`, this.subject.typeName, record._id, record, null);
    return toGlobalId(this.subject.typeName, record._id);
  }

  /** Audits a creation. */
  async created(record: R) {
    await this.ctx.services.audit.record(this.createOperation(), this.subject.typeName, record._id, null, record);
  }

  private createOperation() {
    return { Award: 'awardCreate', Honour: 'honourConfer', ModelWorkerDesignation: 'modelWorkerDesignate', Donation: 'donationRecord' }[this.subject.typeName] ?? `${this.subject.operation}Create`;
  }
}

/** A new record's workflow fields. */
export function newRecordFields(ctx: RequestContext) {
  const by = actorOf(ctx);
  return { status: 'DRAFT' as const, revision: 1, enteredBy: by, lastChangedBy: by, statusLog: [{ status: 'DRAFT', at: new Date(), by }], history: [] };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether setting `set` and clearing `unset` would leave the stored record as it is. */
function changesNothing(record: Record<string, unknown>, set: Record<string, unknown>, unset: Record<string, ''>): boolean {
  return Object.entries(set).every(([k, v]) => sameValue(record[k], v)) && Object.keys(unset).every((k) => record[k] == null);
}
