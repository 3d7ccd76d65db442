// The shared text check (src/shared/validation.ts); zod's own refusals come from its locales.
import { say } from '../shared/i18n/define.js';

export const validation = {
  'text.required': say<{ field: string }>((p) => `${p.field}为必填项`, (p) => `${p.field} is required`),
  'text.tooLong': say<{ field: string; max: number }>((p) => `${p.field}最多 ${p.max} 个字符`, (p) => `${p.field} must be at most ${p.max} characters`),
  'text.controlCharacters': say<{ field: string }>((p) => `${p.field}含有控制字符`, (p) => `${p.field} contains control characters`),
} as const;
