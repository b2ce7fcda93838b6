import { describeError } from './describe-error';
import { K30ProtocolError } from './errors';
import { decryptData, encryptData } from './crypto-profiles';
import type { ResolvedCredentials } from './credentials';
import { sign, signatureMatches } from './sign';
import { k30Timestamp } from './timestamp';

/** What goes over the wire, in both directions: every field a string. */
export type Envelope = Record<string, string>;

/** Request: sign over the plaintext data first, then encrypt it (the vendor's order). */
export function sealRequest(credentials: ResolvedCredentials, data: unknown, now = new Date()): Envelope {
  const plaintext = JSON.stringify(data ?? {});
  const fields = { companyno: credentials.companyno, timestamp: k30Timestamp(now), data: plaintext };
  return { ...fields, sign: sign(fields, credentials.appSecret), data: encryptData(plaintext, credentials.profile, credentials) };
}

/** A server callback: the same envelope plus `method`. */
export function sealCallback(credentials: ResolvedCredentials, method: string, data: unknown, now = new Date()): Envelope {
  const plaintext = JSON.stringify(data ?? {});
  const fields = { method, companyno: credentials.companyno, timestamp: k30Timestamp(now), data: plaintext };
  return { ...fields, sign: sign(fields, credentials.appSecret), data: encryptData(plaintext, credentials.profile, credentials) };
}

export interface ResponseOptions {
  /** Some servers answer `appid` where others answer `companyno`. */
  idField?: 'companyno' | 'appid';
  /** How `data` is carried: encrypted (the norm), as a plain JSON string, or as an object. */
  dataShape?: 'encrypted' | 'json-string' | 'object';
  now?: Date;
}

/** A server answer, signed the same way requests are (the vendor does not say which fields). */
export function sealResponse(
  credentials: ResolvedCredentials,
  answer: { resultcode: '0' | '1'; msg: string; data?: unknown },
  options: ResponseOptions = {},
): Record<string, unknown> {
  const plaintext = answer.data === undefined || answer.data === '' ? '' : JSON.stringify(answer.data);
  const fields: Record<string, string> = {
    resultcode: answer.resultcode,
    msg: answer.msg,
    [options.idField ?? 'companyno']: credentials.companyno,
    timestamp: k30Timestamp(options.now),
    data: plaintext,
  };
  const signature = sign(fields, credentials.appSecret);
  const shape = options.dataShape ?? 'encrypted';
  const carried =
    plaintext === '' ? '' : shape === 'encrypted' ? encryptData(plaintext, credentials.profile, credentials) : shape === 'object' ? answer.data : plaintext;
  return { ...fields, data: carried, sign: signature };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new K30ProtocolError(`${what} is not JSON`, 'not-json');
  }
}

function looksLikeJson(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

/**
 * Turns a message's `data` into its plaintext JSON string, whichever of the four shapes it came
 * in: `""`, URL-encoded Base64 ciphertext, a string holding plain JSON, or a JSON value.
 */
export function plaintextOf(data: unknown, credentials: ResolvedCredentials): string {
  if (data === undefined || data === null || data === '') return '';
  if (typeof data !== 'string') return JSON.stringify(data);
  if (looksLikeJson(data)) return data;
  try {
    return decryptData(data, credentials.profile, credentials);
  } catch (error) {
    throw new K30ProtocolError(`data could not be decrypted with profile ${credentials.profile.name}: ${describeError(error)}`, 'undecryptable');
  }
}

function asStringRecord(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new K30ProtocolError(`${what} is not a JSON object`, 'bad-envelope');
  return body as Record<string, unknown>;
}

export interface OpenedMessage {
  /** The envelope's fields with `data` replaced by its plaintext. */
  fields: Record<string, unknown>;
  /** The decoded data; undefined when the message carried none. */
  data: unknown;
  signatureValid: boolean;
}

/** Decodes any K30 message (request, response or callback) and checks its signature. */
export function openMessage(body: unknown, credentials: ResolvedCredentials, what = 'message'): OpenedMessage {
  const envelope = asStringRecord(body, what);
  const plaintext = plaintextOf(envelope.data, credentials);
  const data = plaintext === '' ? undefined : parseJson(plaintext, `${what} data`);
  const fields = { ...envelope, data: plaintext };
  return { fields, data, signatureValid: signatureMatches(fields, credentials.appSecret, envelope.sign) };
}

/** Server side: a request must be signed; anything else is refused as the server would. */
export function openRequest(body: unknown, credentials: ResolvedCredentials): { data: Record<string, unknown>; timestamp: string } {
  const envelope = asStringRecord(body, 'request');
  for (const field of ['companyno', 'timestamp', 'sign', 'data'] as const) {
    if (typeof envelope[field] !== 'string' || envelope[field] === '') throw new K30ProtocolError(`request lacks ${field}`, 'bad-envelope');
  }
  if (typeof envelope.data === 'string' && looksLikeJson(envelope.data)) throw new K30ProtocolError('request data is not encrypted', 'undecryptable');
  const opened = openMessage(envelope, credentials, 'request');
  if (!opened.signatureValid) throw new K30ProtocolError('signature does not match', 'bad-signature');
  const data = opened.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new K30ProtocolError('request data is not a JSON object', 'not-json');
  return { data: data as Record<string, unknown>, timestamp: String(envelope.timestamp) };
}
