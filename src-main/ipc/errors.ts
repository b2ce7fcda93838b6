import type { ErrorCode, KioskError } from '../../src-preload/contract';
import { AppError } from '../services/app-error';
import { VisitError } from '../services/visits/visit-error';
import { LedgerWriteError } from '../services/visits/ledger-disk';
import { K30Error, K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../k30/client/errors';

const OFFLINE = /离线|offline/i;
const RATE_LIMIT = /频繁|rate.?limit/i;

/** Maps any thrown value to the contract's error. Unknown errors become 'internal' with no detail. */
export function toKioskError(error: unknown): KioskError {
  if (error instanceof VisitError) return { ...toKioskError(error.cause), visitId: error.visitId };
  if (error instanceof AppError) return { code: error.code, message: error.message, field: error.field, ...error.detail };
  if (error instanceof LedgerWriteError) return { code: 'disk-error', message: error.message, disk: error.problem };
  if (error instanceof K30Error)
    return {
      code: k30Code(error),
      message: error instanceof K30ServerError ? error.msg : error.message,
      field: error instanceof K30ValidationError ? error.field : undefined,
    };
  return { code: 'internal', message: 'internal error' };
}

function k30Code(error: K30Error): ErrorCode {
  if (error instanceof K30ServerError) return OFFLINE.test(error.msg) ? 'device-offline' : RATE_LIMIT.test(error.msg) ? 'rate-limited' : 'server-refused';
  if (error instanceof K30TransportError) {
    if (error.failure === 'refused') return 'unreachable';
    if (error.failure === 'http-status') return 'http-status';
    return error.outcomeUnknown ? 'timeout' : 'unreachable';
  }
  if (error instanceof K30ProtocolError) return error.failure === 'bad-signature' ? 'bad-signature' : 'undecryptable';
  if (error instanceof K30ValidationError) return 'invalid-input';
  return 'internal';
}
