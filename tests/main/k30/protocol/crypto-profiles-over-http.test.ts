import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { K30Client, RateLimiter } from '../../../../src-main/k30/client';
import { CRYPTO_PROFILES } from '../../../../src-main/k30/protocol';
import { startSimulator } from '../../../../src-main/k30/simulator';

/**
 * Every crypto profile, with any key and IV an installer might type, carries any text both ways
 * between the client and a simulator configured the same way, over real HTTP: a department
 * created with an arbitrary name is listed back with exactly that name.
 */
describe('crypto profiles over HTTP', () => {
  it('all profiles round-trip arbitrary data through a simulator configured alike (property)', async () => {
    const printable = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((s) => s.trim() === s && s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CRYPTO_PROFILES), printable(40), printable(40), printable(16), async (profile, aesKey, aesIv, name) => {
        const sim = await startSimulator({ port: 0, seed: 'empty', companyno: 'PROP', secret: 'prop-secret', aesKey, aesIv, profile: profile.name });
        try {
          const client = new K30Client({
            server: sim.url,
            credentials: { companyno: 'PROP', appSecret: 'prop-secret', aesKey, aesIv, profile: profile.name },
            responseSignPolicy: 'strict',
            limiter: new RateLimiter({ perMinute: 1000 }),
          });
          const { no } = await client.createDepartment({ name });
          const page = await client.listDepartments({ pageindex: 1, pagesize: 10 });
          expect(page.rows.find((d) => d.no === no)?.name).toBe(name);
        } finally {
          await sim.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
