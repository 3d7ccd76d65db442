import type { Models } from '../../models.js';
import { byFieldLoader, byIdLoader } from '../../shared/loader.js';
import type { DepartmentRecord, UnionGroupRecord } from './model.js';

export function organisationLoaders(models: Models) {
  return {
    department: byIdLoader<DepartmentRecord>(models.Department),
    departmentByCode: byFieldLoader<DepartmentRecord>(models.Department, 'code'),
    unionGroup: byIdLoader<UnionGroupRecord>(models.UnionGroup),
    unionGroupByCode: byFieldLoader<UnionGroupRecord>(models.UnionGroup, 'code'),
  };
}
