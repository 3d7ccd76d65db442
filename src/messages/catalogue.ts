// The one message catalogue: every sentence the API says to a person, in Chinese and English.
import { actions } from './actions.js';
import { competitions } from './competitions.js';
import { fields } from './fields.js';
import { imports } from './imports.js';
import { organisation } from './organisation.js';
import { records } from './records.js';
import { requests } from './requests.js';
import { validation } from './validation.js';

export const catalogue = { ...requests, ...actions, ...fields, ...validation, ...records, ...organisation, ...competitions, ...imports };
export type Catalogue = typeof catalogue;
