import type { Registration } from '../../../src-preload/contract';
import { AppError } from '../app-error';

/** What decides a visit's begin and end (read afresh for every registration). */
export interface VisitWindowRules {
  /** The app is a self-service kiosk. */
  selfService: () => boolean;
  /** The length a self-registered visit gets, in minutes. */
  defaultVisitMinutes: () => number;
  /** No visit, whoever registers it, may be longer than this. */
  maxVisitHours: () => number;
}

export interface VisitWindow {
  begin: Date;
  end: Date;
}

export type VisitWindowPolicy = (input: Pick<Registration, 'begin' | 'end' | 'channel'>, now: Date) => VisitWindow;

/**
 * Main, not the page, decides how long a visit opens the doors. A self-registration (kiosk mode,
 * or a kiosk-channel registration at all) ignores the page's times: it begins now and lasts the
 * configured default, never more than the maximum. Any other registration keeps its times but may
 * not be longer than the maximum (AppError('visit-too-long') on 'end').
 */
export function visitWindowPolicy(rules: VisitWindowRules): VisitWindowPolicy {
  return (input, now) => {
    const maxMs = rules.maxVisitHours() * 3_600_000;
    if (rules.selfService() || input.channel === 'kiosk') {
      const lengthMs = Math.min(rules.defaultVisitMinutes() * 60_000, maxMs);
      return { begin: new Date(now), end: new Date(now.getTime() + lengthMs) };
    }
    const begin = new Date(input.begin);
    const end = new Date(input.end);
    if (end.getTime() - begin.getTime() > maxMs) {
      throw new AppError('visit-too-long', `a visit may last at most ${rules.maxVisitHours()} hours`, 'end');
    }
    return { begin, end };
  };
}

/** Where nothing is configured: reception's times, at most 24 h; a kiosk's visit 2 h from now. */
export const DEFAULT_VISIT_WINDOW: VisitWindowPolicy = visitWindowPolicy({ selfService: () => false, defaultVisitMinutes: () => 120, maxVisitHours: () => 24 });
