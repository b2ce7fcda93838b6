/**
 * Compile-time only: the preload's name lists (channels.ts) are exactly the contract's calls and
 * events, in both directions. A file of its own so that channels.ts and contract.ts do not import
 * each other (contract.ts re-exports the channel names).
 */
import type { CALL_NAMES, EVENT_NAMES } from './channels';
import type { calls, events } from './contract';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callsMatch: Same<(typeof CALL_NAMES)[number], keyof typeof calls> = true;
const eventsMatch: Same<(typeof EVENT_NAMES)[number], keyof typeof events> = true;
void callsMatch;
void eventsMatch;
