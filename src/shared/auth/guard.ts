import type { Types } from 'mongoose';
import type { Loaders } from '../../loaders.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { Role, Viewer } from './roles.js';
import { t, type Text } from '../i18n/t.js';

/** Where a record sits, for scope checks: its department and/or union group. */
export interface ScopeTarget {
  department?: Types.ObjectId | null;
  unionGroup?: Types.ObjectId | null;
}

/** Permission checks for one request. Services call these first, before any write. */
export class Guard {
  private scopeIds?: Promise<{ departments: Set<string>; unionGroups: Set<string> }>;

  constructor(
    readonly viewer: Viewer | null,
    private readonly loaders: Loaders,
  ) {}

  requireViewer(): Viewer {
    if (!this.viewer) throw unauthenticated();
    return this.viewer;
  }

  requireRole(roles: Role[], action: Text): Viewer {
    const viewer = this.requireViewer();
    if (!roles.includes(viewer.role)) throw forbidden(t('auth.needsRole', { action, roles, role: viewer.role }));
    return viewer;
  }

  /** The viewer's scope as ids (codes in the token resolved once per request). */
  private resolveScope() {
    const viewer = this.requireViewer();
    this.scopeIds ??= (async () => {
      const deps = await this.loaders.departmentByCode.loadMany(viewer.scope.departments);
      const groups = await this.loaders.unionGroupByCode.loadMany(viewer.scope.unionGroups);
      const ids = (docs: unknown[]) =>
        new Set(docs.filter((d): d is { _id: Types.ObjectId } => Boolean(d && typeof d === 'object' && '_id' in d)).map((d) => String(d._id)));
      return { departments: ids(deps), unionGroups: ids(groups) };
    })();
    return this.scopeIds;
  }

  /** Whether the viewer may write records at these places (ADMIN and a whole-institution CLERK anywhere in the institution; other CLERKs within scope). */
  async canWriteAt(...targets: ScopeTarget[]): Promise<boolean> {
    const viewer = this.requireViewer();
    if (viewer.role === 'ADMIN') return true;
    if (viewer.role !== 'CLERK') return false;
    if (viewer.scope.wholeInstitution) return true;
    if (!targets.length) return false;
    const scope = await this.resolveScope();
    return targets.every(
      (t) => (t.department != null && scope.departments.has(String(t.department))) || (t.unionGroup != null && scope.unionGroups.has(String(t.unionGroup))),
    );
  }

  async requireWriteAt(action: Text, ...targets: ScopeTarget[]) {
    const viewer = this.requireRole(['ADMIN', 'CLERK'], action);
    if (!(await this.canWriteAt(...targets))) {
      throw forbidden(t('auth.outsideScope', { action, departments: viewer.scope.departments, unionGroups: viewer.scope.unionGroups }));
    }
  }
}
