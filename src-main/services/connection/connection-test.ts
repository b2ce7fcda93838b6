import type { ConnectionFailure, ConnectionTest, ProfileSearch } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import { K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../k30/client/errors';
import { describeError } from '../../k30/protocol/describe-error';
import { CRYPTO_PROFILES } from '../../k30/protocol/crypto-profiles';
import type { ClientProvider } from './client-provider';

/** What the test needs of a client: one harmless list call (Device/GetList is not rate limited). */
export interface ListDevicesClient {
  listDevices(query: { pageindex: number; pagesize: number }): Promise<unknown>;
}

/** A server message saying it could not decrypt our request, or that our signature is wrong. */
const SERVER_DECRYPT = /解密|decrypt/i;
const SERVER_SIGNATURE = /签名|验签|signature|\bsign\b/i;

/** Names what went wrong, for a person setting up the connection. Never includes a secret. */
export function connectionFailureOf(error: unknown): { failure: ConnectionFailure; message: string } {
  if (error instanceof AppError && error.code === 'not-configured') return { failure: 'not-configured', message: error.message };
  // Nothing to sign with: nothing was sent (the company number is never used unless chosen).
  if (error instanceof AppError && error.code === 'app-secret-required') return { failure: 'app-secret-required', message: error.message };
  // The client refused the settings themselves (a server that is no URL, no company number).
  if (error instanceof K30ValidationError) return { failure: 'not-configured', message: error.message };
  if (error instanceof K30TransportError) {
    switch (error.failure) {
      case 'refused':
      case 'reset':
        return { failure: 'unreachable', message: error.message };
      case 'timeout':
        return { failure: 'timeout', message: error.message };
      case 'http-status':
        return { failure: 'http-status', message: error.status ? `HTTP ${error.status}` : error.message };
    }
  }
  if (error instanceof K30ProtocolError) {
    switch (error.failure) {
      case 'bad-signature':
        return { failure: 'bad-signature', message: error.message };
      case 'undecryptable':
        return { failure: 'undecryptable', message: error.message };
      default:
        // bad-envelope, not-json (and the callback-only stale-timestamp, replayed): not a K30 answer.
        return { failure: 'not-json', message: error.message };
    }
  }
  if (error instanceof K30ServerError) {
    // The server's own words; its refusal of our signature or cipher is named as such.
    const failure: ConnectionFailure = SERVER_DECRYPT.test(error.msg) ? 'undecryptable' : SERVER_SIGNATURE.test(error.msg) ? 'bad-signature' : 'server';
    return { failure, message: error.msg || error.message };
  }
  if (error instanceof AppError) return { failure: 'internal', message: error.message };
  return { failure: 'internal', message: 'unexpected error' };
}

/** One harmless call: ok, or which part of the connection failed. Never throws. */
export async function testConnection(client: ListDevicesClient, profile: string): Promise<ConnectionTest> {
  try {
    await client.listDevices({ pageindex: 1, pagesize: 1 });
    return { ok: true, message: 'ok', profile };
  } catch (error) {
    return { ok: false, ...connectionFailureOf(error), profile };
  }
}

/** Our own check of the answer failed (not the server refusing our signature). */
function answerDidNotVerify(error: unknown): boolean {
  return error instanceof K30ProtocolError && (error.failure === 'bad-signature' || error.failure === 'stale-timestamp');
}

/**
 * The connection test that also says whether this server's answers verify: first with answers
 * required to verify; if only that check fails, again without it. Which fields K30 signs is our
 * best reading, so a server whose answers do not verify is told apart from one that is broken:
 * with policy 'strict' it is a failure ('answers-unverified'); with 'warn' or 'off' (the
 * installer's explicit choice) it works, and answersVerified says it is unproven.
 */
export async function testConnectionTrust(
  clients: { strict: () => ListDevicesClient; unchecked: () => ListDevicesClient },
  policy: 'off' | 'warn' | 'strict',
  profile: string,
): Promise<ConnectionTest> {
  try {
    await clients.strict().listDevices({ pageindex: 1, pagesize: 1 });
    return { ok: true, message: 'ok', profile, answersVerified: true };
  } catch (error) {
    if (!answerDidNotVerify(error)) return { ok: false, ...connectionFailureOf(error), profile };
    const unverified = await testConnection(clients.unchecked(), profile);
    if (!unverified.ok) return unverified;
    const message = describeError(error);
    return policy === 'strict'
      ? { ok: false, failure: 'answers-unverified', message, profile, answersVerified: false }
      : { ok: true, message, profile, answersVerified: false };
  }
}

/** Failures that do not depend on the profile: trying the next one would only wait again. */
const PROFILE_INDEPENDENT = new Set<ConnectionFailure>(['unreachable', 'timeout', 'http-status', 'not-configured', 'app-secret-required']);

/**
 * Tries every crypto profile in CRYPTO_PROFILES order against the live server, each with answers
 * required to be signed; keeps (saves to settings) the first the server accepts and whose answer
 * decodes. A server that cannot decrypt a request answers resultcode 0: that profile is not ok.
 * Stops early when the server cannot be reached at all. Never throws.
 */
export async function findCryptoProfile(clients: Pick<ClientProvider, 'forProfile' | 'settings'>): Promise<ProfileSearch> {
  const tried: ProfileSearch['tried'] = [];
  for (const { name } of CRYPTO_PROFILES) {
    let result: ConnectionTest;
    try {
      result = await testConnection(clients.forProfile(name), name);
    } catch (error) {
      result = { ok: false, ...connectionFailureOf(error), profile: name };
    }
    tried.push(result.ok ? { profile: name, ok: true } : { profile: name, ok: false, failure: result.failure });
    if (result.ok) {
      clients.settings.save({ profile: name });
      return { found: name, tried };
    }
    if (result.failure && PROFILE_INDEPENDENT.has(result.failure)) break;
  }
  return { tried };
}
