/** A command failure with MongoDB's code and codeName, sent back as `{ok: 0, ...}`. */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badValue = (msg: string) => new CommandError(2, 'BadValue', msg);
export const failedToParse = (msg: string) => new CommandError(9, 'FailedToParse', msg);
export const typeMismatch = (msg: string) => new CommandError(14, 'TypeMismatch', msg);
export const illegalOperation = (msg: string) => new CommandError(20, 'IllegalOperation', msg);
export const namespaceNotFound = (msg: string) => new CommandError(26, 'NamespaceNotFound', msg);
export const indexNotFound = (msg: string) => new CommandError(27, 'IndexNotFound', msg);
export const cursorNotFound = (msg: string) => new CommandError(43, 'CursorNotFound', msg);
export const namespaceExists = (msg: string) => new CommandError(48, 'NamespaceExists', msg);
export const commandNotFound = (msg: string) => new CommandError(59, 'CommandNotFound', msg);
export const immutableField = (msg: string) => new CommandError(66, 'ImmutableField', msg);
export const invalidOptions = (msg: string) => new CommandError(72, 'InvalidOptions', msg);
export const indexOptionsConflict = (msg: string) => new CommandError(85, 'IndexOptionsConflict', msg);
export const indexKeySpecsConflict = (msg: string) => new CommandError(86, 'IndexKeySpecsConflict', msg);
export const notImplemented = (msg: string) => new CommandError(238, 'NotImplemented', msg);

export class DuplicateKeyError extends CommandError {
  constructor(message: string, keyPattern: Record<string, unknown>, keyValue: Record<string, unknown>) {
    super(11000, 'DuplicateKey', message, { keyPattern, keyValue });
  }
  get keyPattern() {
    return this.extra.keyPattern;
  }
  get keyValue() {
    return this.extra.keyValue;
  }
}
export const unauthorized = (msg: string) => new CommandError(13, 'Unauthorized', msg);
export const invalidIndexSpecificationOption = (msg: string) => new CommandError(197, 'InvalidIndexSpecificationOption', msg);
