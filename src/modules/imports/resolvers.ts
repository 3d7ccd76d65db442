import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import type { ImportJobRecord } from './model.js';

export const importResolvers = {
  Query: {
    importJobs: (_: unknown, a: PageArgs, ctx: RequestContext) => ctx.services.imports.list(a),
    importJob: (_: unknown, { id }: { id: string }, ctx: RequestContext) => ctx.services.imports.get(id),
  },
  ImportJob: {
    id: (j: ImportJobRecord) => toGlobalId('ImportJob', j._id),
  },
};
