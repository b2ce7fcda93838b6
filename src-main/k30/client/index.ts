// The K30 client: typed calls, field checks, retries, the shared list-call limiter.
export * from './types';
export * from './errors';
export { K30Client, normaliseServer, DEFAULT_TIMEOUT_MS } from './k30-client';
export { RateLimiter, listLimiterFor, SHARED_LIST_LIMIT_PER_MINUTE, SHARED_LIST_RESERVE, type CallPriority, type RateLimiterOptions } from './rate-limiter';
export { HttpTransport, DEFAULT_MAX_ANSWER_BYTES, type K30Transport, type HttpAnswer } from './transport';
export { PATHS, type K30Path, isReadPath, isRateLimitedPath } from './paths';
export { CALL_RULES, validateRequest, checkDeviceNos, type FieldRule } from './validate';
export { encodePhoto, isValidPhoto } from './photo';
export { backoffDelay, backoffCeiling, isRetryable, DEFAULT_RETRY } from './retry';
