import { describeError } from '../protocol';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { k30DateTime } from '../protocol';
import { DATE_TIME_PATTERN } from '../protocol/timestamp';
import { newPerson } from './handlers/people';
import { baseUrlOf, readBody, sendJson } from './http-util';
import { PassError, recordPass } from './passes';
import { FEMALE_GIVEN, MALE_GIVEN, SURNAMES } from './seed-data';
import type { SimulatorCore } from './core';
import type { Device } from './state';

/**
 * The control plane, /__sim/ on the API's port: plain JSON, no signing. For tests, demos and the
 * benchmark; the K30 server has nothing like it.
 */
const HELP = {
  'GET /__sim/state': 'people (light), departments, devices, regions, visitors, passRecords, presence',
  'POST /__sim/device':
    '{ no, online, photoMaxBytes?, photoMinShortSide? } sets a device online/offline and the photos it refuses (null clears); with name (and regionname, outintype, ip, area) creates it if unknown',
  'POST /__sim/pass': '{ personNo | visitorNo, deviceNo, addTime? } a device recognised someone: record, presence, UploadRecord callback',
  'GET|POST /__sim/faults':
    '{ latencyMs, http500, malformed, dropAfterCommit, http5xxAfterCommit, afterCommitStatus, beforeCommitStatus, paths? } for subsequent /openapi calls; {} or { reset: true } clears',
  'POST /__sim/people/bulk': '{ regionNo, count, deptno? } creates count people, all inside the region',
  'POST /__sim/callback-url': '{ url } sets (or with no url clears) the callback URL',
  'GET /__sim/callbacks': 'the last 200 callback deliveries',
  'POST /__sim/reset': 'restores the seed; clears faults and the rate-limit window',
};

class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;
type Route = (core: SimulatorCore, body: Body, req: IncomingMessage) => unknown;

const GET_ROUTES: Record<string, Route> = {
  '/__sim': () => HELP,
  '/__sim/': () => HELP,
  '/__sim/state': (core) => core.state.snapshot(),
  '/__sim/faults': (core) => core.faults.describe(),
  '/__sim/callbacks': (core) => ({ url: core.callbacks.url ?? null, deliveries: core.callbacks.log }),
};

const POST_ROUTES: Record<string, Route> = {
  '/__sim/device': setDevice,
  '/__sim/pass': pass,
  '/__sim/faults': (core, body) => {
    try {
      core.faults.set(body);
    } catch (error) {
      throw new ControlError(describeError(error));
    }
    return core.faults.describe();
  },
  '/__sim/people/bulk': bulkPeople,
  '/__sim/callback-url': (core, body) => {
    const url = optionalString(body, 'url');
    if (url && !/^https?:\/\//.test(url)) throw new ControlError('url must be an http(s) URL');
    core.callbacks.url = url || undefined;
    return { url: core.callbacks.url ?? null };
  },
  '/__sim/reset': (core) => {
    core.reset();
    return { ok: true };
  },
};

export async function handleControl(core: SimulatorCore, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const routes = req.method === 'GET' ? GET_ROUTES : req.method === 'POST' ? POST_ROUTES : {};
  const handler = routes[pathname];
  if (!handler) {
    const known = pathname in GET_ROUTES || pathname in POST_ROUTES;
    sendJson(res, known ? 405 : 404, { error: known ? `method ${req.method} not allowed on ${pathname}` : `unknown control path ${pathname}`, help: HELP });
    return;
  }
  let body: Body = {};
  if (req.method === 'POST') {
    const text = await readBody(req);
    if (text.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
        body = parsed as Body;
      } catch {
        sendJson(res, 400, { error: 'body must be a JSON object' });
        return;
      }
    }
  }
  try {
    sendJson(res, 200, handler(core, body, req));
  } catch (error) {
    if (error instanceof ControlError || error instanceof PassError) sendJson(res, error.status, { error: error.message });
    else throw error;
  }
}

function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ControlError(`${field} must be a string`);
  return value;
}

function requiredString(body: Body, field: string): string {
  const value = optionalString(body, field);
  if (!value) throw new ControlError(`${field} is required`);
  return value;
}

function setDevice(core: SimulatorCore, body: Body) {
  const no = requiredString(body, 'no');
  if (typeof body.online !== 'boolean') throw new ControlError('online must be true or false');
  let device = core.state.devices.get(no);
  if (!device) {
    const name = optionalString(body, 'name');
    if (!name) throw new ControlError(`device not found: ${no} (give a name to create it)`, 404);
    const regionname = optionalString(body, 'regionname') ?? '';
    if (regionname && !core.state.regionByName(regionname)) throw new ControlError(`no region is named ${regionname}`);
    device = {
      no,
      name,
      ip: optionalString(body, 'ip') ?? '',
      area: optionalString(body, 'area') ?? '',
      regionname,
      outintype: body.outintype === 0 ? 0 : 1,
      isenableattend: 0,
      online: body.online,
      statusAsString: false,
      longOpenMode: 0,
      doorOpenCount: 0,
    } satisfies Device;
    core.state.devices.set(no, device);
  }
  device.online = body.online;
  if ('photoMaxBytes' in body || 'photoMinShortSide' in body) device.photoLimits = photoLimitsOf(body);
  return { no: device.no, name: device.name, regionname: device.regionname, onlinestatus: device.online ? 1 : 0, photoLimits: device.photoLimits ?? null };
}

/** A terminal's photo limits from the control plane: positive whole numbers, null/absent = none. */
function photoLimitsOf(body: Body): Device['photoLimits'] {
  const limit = (field: string) => {
    const value = body[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new ControlError(`${field} must be a positive whole number or null`);
    return value;
  };
  const maxBytes = limit('photoMaxBytes');
  const minShortSide = limit('photoMinShortSide');
  return maxBytes === undefined && minShortSide === undefined ? undefined : { ...(maxBytes ? { maxBytes } : {}), ...(minShortSide ? { minShortSide } : {}) };
}

function pass(core: SimulatorCore, body: Body, req: IncomingMessage) {
  const addTime = optionalString(body, 'addTime');
  if (addTime && !DATE_TIME_PATTERN.test(addTime)) throw new ControlError('addTime must be yyyy-MM-dd HH:mm:ss');
  const { record, upload } = recordPass(
    core.state,
    { personNo: optionalString(body, 'personNo'), visitorNo: optionalString(body, 'visitorNo'), deviceNo: requiredString(body, 'deviceNo'), addTime },
    core.now(),
    baseUrlOf(req, core.url),
  );
  setImmediate(() => core.callbacks.post('UploadRecord', upload));
  return record;
}

const MAX_BULK = 200_000;

/** Creates `count` people inside a region, fast: no pass records, no callbacks. */
function bulkPeople(core: SimulatorCore, body: Body) {
  const { state } = core;
  const regionNo = requiredString(body, 'regionNo');
  const region = state.regions.get(regionNo);
  if (!region) throw new ControlError(`region not found: ${regionNo}`, 404);
  const count = body.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_BULK) throw new ControlError(`count must be an integer 1..${MAX_BULK}`);
  let deptno = optionalString(body, 'deptno') ?? state.departments.keys().next().value;
  if (deptno && !state.departments.has(deptno)) throw new ControlError(`department not found: ${deptno}`, 404);
  if (!deptno) {
    deptno = state.nextNo();
    state.departments.set(deptno, { no: deptno, name: '批量导入', linkername: '', linkerphone: '', parentno: '', remark: '', deviceNos: [] });
  }
  const entry = [...state.devices.values()].find((d) => d.regionname === region.name && d.outintype === 1)?.no ?? '';
  const now = core.now();
  const today = k30DateTime(now);
  const slot = state.inside(regionNo);
  for (let i = 0; i < count; i++) {
    const no = state.nextNo();
    const sex = i % 2 === 0 ? 1 : 2;
    const given = sex === 1 ? MALE_GIVEN : FEMALE_GIVEN;
    const name = SURNAMES[i % SURNAMES.length] + given[Math.floor(i / SURNAMES.length) % given.length] + given[(i * 7) % given.length];
    state.people.set(
      no,
      newPerson(no, {
        name,
        jobnumber: `BK${no.slice(-8)}`,
        deptno,
        phone: `139${no.slice(-8)}`,
        sex,
        startdate: today,
        effdate: `${now.getFullYear() + 50}${today.slice(4)}`,
        entrydate: today,
        remark: '批量导入',
      }),
    );
    slot.set(`p:${no}`, { personNo: no, name, deviceno: entry, entertime: today });
  }
  return { created: count, regionNo, inside: slot.size };
}
