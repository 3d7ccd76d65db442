import { Types } from 'mongoose';
import { deferInsert } from '../../shared/insert-batch.js';
import type { RequestContext } from '../../context.js';
import { badUserInput } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import type { AuditEntryRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

/** Fields never copied into the audit trail. */
const NOT_AUDITED = new Set(['_id', '__v', 'createdAt', 'updatedAt', 'passwordHash']);

function comparable(v: unknown): string {
  return JSON.stringify(v ?? null);
}

/** Field-level before/after of two versions of a record (top-level fields). */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  // A record created or deleted: every field it holds is a change (no need to compare).
  if (!before || !after) {
    const record = before ?? after ?? {};
    return Object.keys(record)
      .filter((field) => !NOT_AUDITED.has(field) && record[field] != null)
      .map((field) => ({ field, before: before ? record[field] : null, after: after ? record[field] : null }));
  }
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of fields) {
    if (NOT_AUDITED.has(field)) continue;
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    if (comparable(b) !== comparable(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

export interface AuditLogFilter {
  entityType?: string | null;
  entityId?: string | null;
  operation?: string | null;
  actorUsername?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export class AuditService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * Records a write by the current viewer. Called by services after the write succeeded.
   * In an institution the entry is its own; across institutions (the federation roles) it
   * names the institution concerned, if any.
   */
  async record(operation: string, entityType: string, entityId: Types.ObjectId, before: object | null, after: object | null, institution?: Types.ObjectId | null) {
    const viewer = this.ctx.guard.requireViewer();
    // Built here whole (every field is ours and already of its type), so it goes in without
    // mongoose casting the changes one subdocument at a time; in an import chunk, with the
    // chunk's other writes.
    const entry: Record<string, unknown> = {
      _id: new Types.ObjectId(),
      ...(institution === undefined ? {} : { institution }),
      at: new Date(),
      actorId: viewer.userId,
      actorUsername: viewer.username,
      actorRole: viewer.role,
      operation,
      entityType,
      entityId,
      changes: diff(before as Record<string, unknown> | null, after as Record<string, unknown> | null),
      requestId: this.ctx.requestId,
      __v: 0,
    };
    if (!deferInsert(this.ctx.models.AuditEntry, entry)) await this.ctx.models.AuditEntry.insertMany([entry], { lean: true });
  }

  async list(filter: AuditLogFilter | null | undefined, page: PageArgs) {
    this.ctx.guard.requireRole(['ADMIN'], t('action.readAudit'));
    const query: Record<string, unknown> = {};
    if (filter?.entityType) query.entityType = filter.entityType;
    if (filter?.operation) query.operation = filter.operation;
    if (filter?.actorUsername) query.actorUsername = filter.actorUsername;
    if (filter?.entityId) {
      const parsed = fromGlobalId(filter.entityId);
      if (!parsed) throw badUserInput(t('audit.badEntityId'), 'filter.entityId');
      query.entityId = parsed.id;
    }
    if (filter?.from || filter?.to) {
      query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return paginate<AuditEntryRecord>(this.ctx.models.AuditEntry, query, { field: 'at', direction: -1 }, page);
  }
}
