/** The client against a fake server: what it sends, and how it reads answers that are wrong in odd ways. */
import { describe, expect, it } from 'vitest';
import { answeringServer, withAnsweringServers, type CannedAnswer } from '../../../helpers/answering-server';
import { K30CreatedWithoutNumberError, K30ServerError, K30ValidationError } from '../../../../src-main/k30/client/errors';
import { resolveCredentials } from '../../../../src-main/k30/protocol/credentials';
import { openRequest, sealResponse } from '../../../../src-main/k30/protocol/envelope';
import { PATHS } from '../../../../src-main/k30/client/paths';
import { K30Client, normaliseServer } from '../../../../src-main/k30/client';

const JPEG_B64 = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64');

withAnsweringServers();

describe('client with a fake server', () => {
  const credentials = { companyno: 'C1', appSecret: 'secret-1', aesKey: 'key-1234567890ab', aesIv: 'iv-1234567890abc' };
  const resolved = resolveCredentials(credentials);

  /** A server answering each call with `answer`'s envelope (status 200); `seen` holds the calls, decrypted. */
  async function fakeServer(answer: (path: string, data: Record<string, unknown>) => Record<string, unknown>) {
    const seen: { path: string; data: Record<string, unknown> }[] = [];
    const server = await answeringServer((request) => {
      const path = request.path.replace(/^.*\/openapi\//, '');
      const { data } = openRequest(JSON.parse(request.body), resolved);
      seen.push({ path, data });
      return { body: JSON.stringify(answer(path, data)) };
    });
    return { seen, server: server.url };
  }

  /** A server answering every call with `canned()`. */
  const cannedServer = async (canned: () => CannedAnswer) => (await answeringServer(canned)).url;

  const ok = (data?: unknown) => sealResponse(resolved, { resultcode: '1', msg: 'Success', data });

  it('normalises the server URL', () => {
    expect(normaliseServer('http://127.0.0.1:8030/')).toBe('http://127.0.0.1:8030');
    expect(normaliseServer('127.0.0.1:8030')).toBe('http://127.0.0.1:8030');
    expect(normaliseServer('https://k30.local/base/openapi/')).toBe('https://k30.local/base');
    expect(() => normaliseServer('ftp://x')).toThrow(K30ValidationError);
  });

  it('sends nothing when a field check fails', async () => {
    const { seen, server } = await fakeServer(() => ok());
    const client = new K30Client({ server, credentials });
    await expect(
      client.createVisitor({ name: 'a', phone: '1', staffno: '', begintime: '2025-01-01 00:00:00', endtime: '2025-01-01 01:00:00', idcard: 'x' }),
    ).rejects.toMatchObject({ field: 'staffno' });
    expect(seen).toHaveLength(0);
  });

  it('formats Dates, leaves optional fields out, encodes photos, maps door modes and region flags', async () => {
    const { seen, server } = await fakeServer((path) =>
      ok(path === PATHS.visitorCreate ? { no: 'V1' } : path === PATHS.regionCreate ? { no: 'R1' } : undefined),
    );
    const client = new K30Client({ server, credentials, photoEncoding: 'bare' });
    const begin = new Date(2025, 5, 1, 9, 5, 7);
    await expect(
      client.createVisitor({
        name: 'a',
        phone: '1',
        staffno: 'S',
        begintime: begin,
        endtime: new Date(begin.getTime() + 3600_000),
        idcard: 'x',
        photo: `data:image/jpeg;base64,${JPEG_B64}`,
      }),
    ).resolves.toEqual({ outcome: 'created', no: 'V1' });
    expect(seen[0].data).toEqual({
      name: 'a',
      phone: '1',
      staffno: 'S',
      begintime: '2025-06-01 09:05:07',
      endtime: '2025-06-01 10:05:07',
      idcard: 'x',
      photo: JPEG_B64,
    });
    await client.setDoorMode('D1', 'always-closed');
    expect(seen[1]).toEqual({ path: 'Device/SetLongOpenByDevice', data: { deviceno: 'D1', mode: 2 } });
    await expect(client.createRegion({ name: 'r', linkage: true, manual: false })).resolves.toEqual({ no: 'R1' });
    expect(seen[2].data).toEqual({ name: 'r', linkage: '1', manual: '0' });
    await client.listPassRecords({ pageindex: 1, pagesize: 5, startdate: new Date(2025, 5, 1), effdate: new Date(2025, 5, 30, 23, 0, 0), group: 10 });
    expect(seen[3].data).toEqual({ pageindex: 1, pagesize: 5, startdate: '2025-06-01', effdate: '2025-06-30', group: 10 });
    await client.syncPersonToDevices({ no: 'P', deviceNos: ['A', 'B'], deptno: 'ignored' });
    expect(seen[4].data).toEqual({ no: 'P', device_nos: 'A,B' });
  });

  it('answers created-without-no for a visitor and raises created-but-unknown for a department', async () => {
    const { server } = await fakeServer(() => ok());
    const client = new K30Client({ server, credentials });
    await expect(
      client.createVisitor({ name: 'a', phone: '1', staffno: 'S', begintime: '2025-01-01 00:00:00', endtime: '2025-01-01 01:00:00', idcard: 'x' }),
    ).resolves.toEqual({ outcome: 'created-without-no' });
    const error = await client.createDepartment({ name: 'd' }).catch((e) => e);
    expect(error).toBeInstanceOf(K30CreatedWithoutNumberError);
    expect(error).toBeInstanceOf(K30ServerError);
    expect(error.message).toMatch(/created but number unknown/);
  });

  it('finds a created person by job number across pages of a name search', async () => {
    const { seen, server } = await fakeServer((path, data) => {
      if (path === PATHS.peopleCreate) return ok();
      const rows = data.pageindex === 1 ? [{ no: 'X1', jobNumber: 'J-other', name: '王五' }] : [{ no: 'X2', jobNumber: 'J-42', name: '王五' }];
      return ok({ total: 2, totalPage: 2, data: rows });
    });
    const client = new K30Client({ server, credentials });
    await expect(client.createPerson({ name: '王五', deptno: 'D', jobnumber: 'J-42' })).resolves.toEqual({ no: 'X2', foundBy: 'jobnumber' });
    expect(seen.map((s) => s.path)).toEqual([PATHS.peopleCreate, PATHS.peopleList, PATHS.peopleList]);
    expect(seen[1].data).toMatchObject({ name: '王五', pageindex: 1 });
  });

  it('raises created-but-unknown when the person cannot be found', async () => {
    const { server } = await fakeServer((path) => (path === PATHS.peopleCreate ? ok() : ok({ total: 0, totalPage: 0, data: [] })));
    const client = new K30Client({ server, credentials });
    await expect(client.createPerson({ name: 'n', deptno: 'D', jobnumber: 'J' })).rejects.toThrow(K30CreatedWithoutNumberError);
  });

  it('applies the answer signature policy', async () => {
    const forged = () => ({ ...ok({ total: 0, totalPage: 0, data: [] }), sign: '0'.repeat(32) });
    const warnings: string[] = [];
    const { server } = await fakeServer(forged);
    const warn = new K30Client({ server, credentials, responseSignPolicy: 'warn', logger: { warn: (m) => warnings.push(m) } });
    await expect(warn.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toMatchObject({ total: 0 });
    expect(warnings.join('\n')).toMatch(/signature/);
    expect(warnings.join('\n')).not.toContain('secret-1');
    const strict = new K30Client({ server, credentials, responseSignPolicy: 'strict' });
    await expect(strict.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ failure: 'bad-signature' });
    // Unverified answers never count unless the installer says so: strict is the default.
    const byDefault = new K30Client({ server, credentials });
    expect(byDefault.responseSignPolicy).toBe('strict');
    await expect(byDefault.listDevices({ pageindex: 1, pagesize: 1 })).rejects.toMatchObject({ failure: 'bad-signature' });
    const off = new K30Client({
      server,
      credentials,
      responseSignPolicy: 'off',
      logger: { warn: (m) => warnings.push(`off ${m}`) },
    });
    await off.listDevices({ pageindex: 1, pagesize: 1 });
    expect(warnings.some((w) => w.startsWith('off'))).toBe(false);
  });

  it('accepts all four shapes of answer data and appid', async () => {
    const page = { total: '1', totalPage: '1', data: [{ no: 'D1', onlinestatus: '1' }] };
    for (const dataShape of ['encrypted', 'json-string', 'object'] as const) {
      const { server } = await fakeServer(() => sealResponse(resolved, { resultcode: '1', msg: 'ok', data: page }, { dataShape, idField: 'appid' }));
      const client = new K30Client({ server, credentials, responseSignPolicy: 'strict' });
      await expect(client.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toEqual({
        total: 1,
        totalPage: 1,
        rows: [expect.objectContaining({ no: 'D1', online: true })],
      });
    }
    const { server } = await fakeServer(() => ok());
    const client = new K30Client({ server, credentials, responseSignPolicy: 'strict' });
    await expect(client.call('Device/OpenDoor', { deviceno: 'D' })).resolves.toBeNull();
  });

  it('maps resultcode 0, non-JSON bodies and undecryptable data', async () => {
    let body = JSON.stringify(sealResponse(resolved, { resultcode: '0', msg: '设备离线' }));
    const server = await cannedServer(() => ({ body }));
    const client = new K30Client({ server, credentials });
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ServerError', msg: '设备离线', call: 'Device/OpenDoor' });
    body = '<html>oops</html>';
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'not-json' });
    body = JSON.stringify({ resultcode: '1', msg: 'ok', data: 'AAAAAAAAAAAAAAAAAAAAAA%3d%3d' });
    await expect(client.openDoor('D')).rejects.toMatchObject({ name: 'K30ProtocolError', failure: 'undecryptable' });
  });

  it('retries a read after HTTP 500 but not a write', async () => {
    let calls = 0;
    const server = await cannedServer(() => (++calls < 3 ? { status: 500, body: 'no' } : { body: JSON.stringify(ok({ total: 0, totalPage: 0, data: [] })) }));
    const client = new K30Client({ server, credentials, retries: { baseMs: 1, capMs: 2 } });
    await expect(client.listDevices({ pageindex: 1, pagesize: 1 })).resolves.toMatchObject({ total: 0 });
    expect(calls).toBe(3);
    calls = 0;
    await expect(client.openDoor('D')).rejects.toMatchObject({ failure: 'http-status', status: 500 });
    expect(calls).toBe(1);
  });
});
