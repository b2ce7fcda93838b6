import type { Visit } from '../../../src-preload/contract';

/** What a slip shows (the visit's public data; the photo only while the page still has it). */
export interface SlipContent {
  name: string;
  hostName: string;
  begin: string;
  end: string;
  doors: string[];
  visitCode: string;
  /** A data URL of the photo just taken (a reprint has none: the photo is not kept). */
  photo?: string;
}

/** A visit's slip, with door names where known. Undefined for a visit without a code (older records). */
export function slipOfVisit(visit: Visit, doorName: (no: string) => string, photo?: string): SlipContent | undefined {
  if (!visit.visitCode) return undefined;
  return {
    name: visit.visitor.name,
    hostName: visit.host.name,
    begin: visit.begin,
    end: visit.end,
    doors: visit.devices.map((d) => doorName(d.no)),
    visitCode: visit.visitCode,
    ...(photo ? { photo } : {}),
  };
}
