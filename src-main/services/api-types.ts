import type { z } from 'zod';
import type { CallName, CallOutput, calls } from '../../src-preload/contract';

/** What main implements: one handler per call, given input that has already been validated. */
export type ApiHandlers = {
  [K in CallName]: (input: z.output<(typeof calls)[K]['input']>) => Promise<CallOutput<K>>;
};
