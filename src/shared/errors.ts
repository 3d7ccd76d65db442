import { GraphQLError } from 'graphql';
import { t, type Text } from './i18n/t.js';

/** Codes of thrown GraphQL errors (extensions.code). Bad input is a userError instead. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  RATE_LIMITED: 'RATE_LIMITED',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const appError = (code: ErrorCode, message: Text, extra: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });

export const unauthenticated = (message: Text = t('auth.signInFirst')) =>
  appError(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message: Text) => appError(ErrorCode.FORBIDDEN, message);
export const notFound = (message: Text) => appError(ErrorCode.NOT_FOUND, message);
export const badUserInput = (message: Text, field?: string) => appError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

/** Codes of userErrors in mutation payloads. */
export type UserErrorCode =
  | 'REQUIRED'
  | 'INVALID'
  | 'TOO_LONG'
  | 'TOO_SHORT'
  | 'OUT_OF_RANGE'
  | 'DUPLICATE'
  | 'NOT_FOUND'
  | 'INVALID_STATE';

export interface UserError {
  field: string[];
  code: UserErrorCode;
  message: string;
}

/** Thrown by services for bad input; the resolver turns it into the payload's userErrors. */
export class UserInputFailure extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => `${e.field.join('.')}: ${e.message}`).join('; '));
  }
}

export const userError = (field: string[], code: UserErrorCode, message: Text) => new UserInputFailure([{ field, code, message }]);
