import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import type { AuditEntryRecord } from './model.js';
import type { AuditLogFilter } from './service.js';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export const auditResolvers = {
  Query: {
    auditLog: (_: unknown, a: PageArgs & { filter?: AuditLogFilter | null }, ctx: RequestContext) => ctx.services.audit.list(a.filter, a),
  },
  AuditEntry: {
    id: (e: AuditEntryRecord) => toGlobalId('AuditEntry', e._id),
    entityId: (e: AuditEntryRecord) => toGlobalId(e.entityType, e.entityId),
    changes: (e: AuditEntryRecord) => e.changes.map((c) => ({ field: c.field, before: json(c.before), after: json(c.after) })),
  },
};
