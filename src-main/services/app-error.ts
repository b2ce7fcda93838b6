import type { ErrorCode } from '../../src-preload/contract';

/** An error a service throws on purpose, with a code the renderer translates. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
