/**
 * Faults injected into subsequent /openapi calls through POST /__sim/faults.
 * - latencyMs: every matching call waits this long before being handled (until reset).
 * - http500: the next N matching calls answer HTTP `beforeCommitStatus` (default 500) and change nothing.
 * - dropAfterCommit: the next N matching calls are applied, then the socket is destroyed unanswered.
 * - malformed: the next N matching calls are applied, then answered with a 200 that is not JSON.
 * - http5xxAfterCommit: the next N matching calls are applied, then answered with `afterCommitStatus`
 *   (default 502), as a gateway does when the server behind it acted but its answer was lost.
 * - paths: restrict all of the above to these calls (`visitor/Create` or `/openapi/visitor/Create`).
 */
export interface FaultSettings {
  latencyMs?: number;
  http500?: number;
  malformed?: number;
  dropAfterCommit?: number;
  http5xxAfterCommit?: number;
  afterCommitStatus?: number;
  beforeCommitStatus?: number;
  paths?: string[];
}

export type CountedFault = 'http500' | 'malformed' | 'dropAfterCommit' | 'http5xxAfterCommit';

interface ActiveFaults {
  latencyMs: number;
  http500: number;
  malformed: number;
  dropAfterCommit: number;
  http5xxAfterCommit: number;
  afterCommitStatus: number;
  beforeCommitStatus: number;
  paths?: Set<string>;
}

export class Faults {
  private settings: ActiveFaults = Faults.none();

  private static none(): ActiveFaults {
    return { latencyMs: 0, http500: 0, malformed: 0, dropAfterCommit: 0, http5xxAfterCommit: 0, afterCommitStatus: 502, beforeCommitStatus: 500 };
  }

  /** Replaces the settings; `{}` or `{ reset: true }` clears them. Throws on a bad value. */
  set(input: FaultSettings & { reset?: boolean }): void {
    const next = Faults.none();
    if (!input.reset) {
      for (const key of ['latencyMs', 'http500', 'malformed', 'dropAfterCommit', 'http5xxAfterCommit'] as const) {
        const value = input[key];
        if (value === undefined) continue;
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new Error(`${key} must be a non-negative integer`);
        next[key] = value;
      }
      for (const key of ['afterCommitStatus', 'beforeCommitStatus'] as const) {
        const status = input[key];
        if (status === undefined) continue;
        if (typeof status !== 'number' || !Number.isInteger(status) || status < 300 || status > 599)
          throw new Error(`${key} must be an HTTP status from 300 to 599`);
        next[key] = status;
      }
      if (input.paths !== undefined) {
        if (!Array.isArray(input.paths) || input.paths.some((p) => typeof p !== 'string')) throw new Error('paths must be an array of strings');
        next.paths = new Set(input.paths.map(normalizeCall));
      }
    }
    this.settings = next;
  }

  reset(): void {
    this.settings = Faults.none();
  }

  private matches(call: string): boolean {
    return !this.settings.paths || this.settings.paths.has(call);
  }

  get afterCommitStatus(): number {
    return this.settings.afterCommitStatus;
  }

  get beforeCommitStatus(): number {
    return this.settings.beforeCommitStatus;
  }

  latencyFor(call: string): number {
    return this.matches(call) ? this.settings.latencyMs : 0;
  }

  /** Uses up one of the counted fault if it applies to this call. */
  take(fault: CountedFault, call: string): boolean {
    if (!this.matches(call) || this.settings[fault] <= 0) return false;
    this.settings[fault]--;
    return true;
  }

  describe(): FaultSettings {
    const { paths, ...rest } = this.settings;
    return paths ? { ...rest, paths: [...paths] } : rest;
  }
}

export function normalizeCall(path: string): string {
  return path.replace(/^\/?(openapi\/)?/, '');
}
