/**
 * The three kinds of failure a K30 caller must tell apart. Each carries the call (`Group/Action`)
 * so that a message shown to a person can say what was being done.
 */
export type K30ErrorKind = 'server' | 'transport' | 'protocol' | 'validation';

export abstract class K30Error extends Error {
  abstract readonly kind: K30ErrorKind;
  constructor(
    message: string,
    readonly call?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export type ProtocolFailure = 'bad-envelope' | 'bad-signature' | 'undecryptable' | 'not-json' | 'stale-timestamp' | 'replayed' | 'too-large';

export class K30ProtocolError extends K30Error {
  readonly kind = 'protocol';
  constructor(
    message: string,
    readonly failure: ProtocolFailure,
    call?: string,
  ) {
    super(message, call);
  }
}
