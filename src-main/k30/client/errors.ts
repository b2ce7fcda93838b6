import { K30Error } from '../protocol/errors';

// The client's own failures; protocol failures (and the common base) live in the protocol module.
export { K30Error, K30ProtocolError, type K30ErrorKind, type ProtocolFailure } from '../protocol/errors';

/** The server answered `resultcode` "0": it understood and said no. `msg` is its own text. */
export class K30ServerError extends K30Error {
  readonly kind = 'server';
  constructor(
    readonly msg: string,
    call?: string,
  ) {
    super(`${call ?? 'K30'} refused: ${msg || '(no message)'}`, call);
  }
}

/**
 * The server said it created a record (resultcode "1") but its answer carried no number, and the
 * client could not find the record either. The record exists: creating it again would duplicate it.
 */
export class K30CreatedWithoutNumberError extends K30ServerError {
  readonly created = true;
  constructor(detail: string, call?: string) {
    super('created but number unknown', call);
    this.message = `${call ?? 'K30'}: created but number unknown (${detail})`;
  }
}

export type TransportFailure =
  /** Nothing was sent: the request provably never arrived, so any call may be retried. */
  | 'refused'
  /** Sent, no answer in time: the outcome of a state-changing call is unknown. */
  | 'timeout'
  /** The connection broke after sending: outcome unknown, like a timeout. */
  | 'reset'
  /** An HTTP status other than 200. */
  | 'http-status';

/**
 * HTTP statuses a server (or the gateway in front of it) gives before acting on the request: the
 * call provably changed nothing. Every other status, 5xx above all (a gateway's 502/503/504 can
 * come after the server committed), leaves the outcome of a state-changing call unknown.
 */
const ANSWERED_BEFORE_ACTING = new Set([400, 401, 403, 404, 405, 411, 413, 414, 415, 429, 431]);

export class K30TransportError extends K30Error {
  readonly kind = 'transport';
  constructor(
    message: string,
    readonly failure: TransportFailure,
    call?: string,
    readonly status?: number,
  ) {
    super(message, call);
  }
  /** True when the request may have reached the server and changed something. */
  get outcomeUnknown(): boolean {
    if (this.failure === 'http-status') return this.status === undefined || !ANSWERED_BEFORE_ACTING.has(this.status);
    return this.failure === 'timeout' || this.failure === 'reset';
  }
}

/** A field check before sending failed; nothing was sent. The message names the field. */
export class K30ValidationError extends K30Error {
  readonly kind = 'validation';
  constructor(
    readonly field: string,
    readonly problem: string,
    call?: string,
  ) {
    super(`${call ? `${call}: ` : ''}${field} ${problem}`, call);
  }
}
