import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, KioskErrorSchema, type CallName, type Result } from '../../../src-preload/contract';
import { createDispatcher, type ApiHandlers } from '../../../src-main/ipc/dispatch';
import { AppError } from '../../../src-main/services/app-error';
import { K30ProtocolError, K30ServerError, K30TransportError, K30ValidationError } from '../../../src-main/k30/client/errors';

const SECRET_DETAIL = 'db-password=hunter2 at /home/kiosk/secret/path.ts:42';

/** Every handler answers `behaviour()`: a value, or one of the kinds of throw services do. */
function handlersThat(behaviour: (name: CallName, input: unknown) => unknown): ApiHandlers {
  const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of CALL_NAMES) handlers[name] = async (input) => behaviour(name, input);
  return handlers as unknown as ApiHandlers;
}

const throwables: (() => unknown)[] = [
  () => new Error(SECRET_DETAIL),
  () => new TypeError(SECRET_DETAIL),
  () => new AppError('not-found', 'no such visit'),
  () => new AppError('invalid-input', 'bad', 'field.path'),
  () => new K30ServerError('设备离线'),
  () => new K30ServerError('请求过于频繁'),
  () => new K30ServerError('解密失败'),
  () => new K30TransportError('connect ECONNREFUSED', 'refused'),
  () => new K30TransportError('timed out', 'timeout'),
  () => new K30TransportError('HTTP 502', 'http-status', undefined, 502),
  () => new K30ProtocolError('bad sign', 'bad-signature'),
  () => new K30ProtocolError('garbled', 'undecryptable'),
  () => new K30ValidationError('phone', 'is not a mobile number'),
  () => SECRET_DETAIL,
  () => undefined,
  () => null,
  () => ({ code: 'internal', message: SECRET_DETAIL }),
  () => Object.create(null),
];

function checkResult(result: Result<unknown>): void {
  expect(typeof result).toBe('object');
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(KioskErrorSchema.safeParse(result.error).success).toBe(true);
    expect(JSON.stringify(result.error)).not.toContain('hunter2');
  }
}

describe('dispatch', () => {
  it('never throws and always answers a Result with a valid error code, for any name and input', async () => {
    const nameArb = fc.oneof(
      fc.constantFrom(...CALL_NAMES),
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'on', '', 'kiosk:call:getSettings', 'GETSETTINGS'),
      fc.string(),
    );
    const behaviourArb = fc.oneof(
      fc.record({ kind: fc.constant('return' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('throw' as const), index: fc.nat({ max: throwables.length - 1 }) }),
    );
    await fc.assert(
      fc.asyncProperty(nameArb, fc.anything(), behaviourArb, async (name, input, behaviour) => {
        const dispatch = createDispatcher(
          handlersThat(() => {
            if (behaviour.kind === 'return') return behaviour.value;
            throw throwables[behaviour.index]();
          }),
        );
        let result: Result<unknown> | undefined;
        let thrown: unknown;
        try {
          result = await dispatch(name, input);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeUndefined();
        checkResult(result!);
        if (!(CALL_NAMES as string[]).includes(name)) expect(result).toEqual({ ok: false, error: { code: 'not-allowed', message: 'unknown call' } });
      }),
      { numRuns: 1500 },
    );
  });

  it('checks every call with arbitrary inputs, each handler running only on valid input', async () => {
    for (const name of CALL_NAMES) {
      await fc.assert(
        fc.asyncProperty(
          fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
          async (input) => {
            let ran = false;
            const dispatch = createDispatcher(
              handlersThat(() => {
                ran = true;
                throw new Error(SECRET_DETAIL);
              }),
            );
            const result = await dispatch(name, input);
            checkResult(result);
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe(ran ? 'internal' : 'invalid-input');
          },
        ),
        { numRuns: 150 },
      );
    }
  });

  it("turns a plain Error into 'internal' without its message or stack, logging it in main only", async () => {
    const logged: string[] = [];
    const dispatch = createDispatcher(
      handlersThat(() => {
        throw new Error(SECRET_DETAIL);
      }),
      (line) => logged.push(line),
    );
    const result = await dispatch('listVisits', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(JSON.stringify(result)).not.toContain('ipc-dispatch.test');
    expect(logged.join('\n')).toContain('listVisits');
  });

  it('passes AppError and K30 errors through as their codes', async () => {
    const cases: [() => unknown, string][] = [
      [() => new AppError('wrong-pin', 'no'), 'wrong-pin'],
      [() => new K30ServerError('设备离线'), 'device-offline'],
      [() => new K30TransportError('refused', 'refused'), 'unreachable'],
      [() => new K30TransportError('timeout', 'timeout'), 'timeout'],
      [() => new K30ProtocolError('sig', 'bad-signature'), 'bad-signature'],
      [() => new K30ValidationError('phone', 'bad'), 'invalid-input'],
    ];
    for (const [make, code] of cases) {
      const dispatch = createDispatcher(
        handlersThat(() => {
          throw make();
        }),
      );
      const result = await dispatch('getSettings', undefined);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    }
  });

  it('refuses an unknown call without running anything', async () => {
    let ran = false;
    const dispatch = createDispatcher(
      handlersThat(() => {
        ran = true;
        return 1;
      }),
    );
    for (const name of ['__proto__', 'constructor', 'eval', 'getSettings ', 'on']) {
      expect(await dispatch(name, undefined)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(ran).toBe(false);
  });
});

describe('dispatch checks answers against the contract', () => {
  it("turns an answer outside the call's output schema into 'internal' and logs where it strays", async () => {
    const logged: string[] = [];
    const dispatch = createDispatcher(
      handlersThat(() => ({ ok: false, failure: 'no route to host', message: 'x', profile: 'aes-cbc' })),
      (line) => logged.push(line),
      { checkOutputs: true },
    );
    expect(await dispatch('testConnection', undefined)).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(logged.join('\n')).toMatch(/testConnection answered outside its contract: failure:/);
  });

  it('is on by default outside production (tests run with it), and the packaged app can turn it off', async () => {
    const stray = handlersThat(() => 42);
    expect(await createDispatcher(stray)('listVisits', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await createDispatcher(stray, () => {}, { checkOutputs: false })('listVisits', undefined)).toEqual({ ok: true, value: 42 });
  });

  it('passes an answer within the contract unchanged', async () => {
    const dispatch = createDispatcher(handlersThat(() => ({ ok: false, failure: 'timeout', message: 'no answer within 300 ms', profile: 'aes-cbc' })));
    expect(await dispatch('testConnection', undefined)).toEqual({
      ok: true,
      value: { ok: false, failure: 'timeout', message: 'no answer within 300 ms', profile: 'aes-cbc' },
    });
  });
});
