/** npm run k30-sim: one line with the URL and credentials, then serving until SIGTERM. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simCall } from '../../../helpers/sim-call';

describe('cli', () => {
  it('prints one line, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/k30/simulator/cli.ts', '--port', '0', '--companyno', 'CLI1', '--secret', 'cli-secret', '--seed', 'empty'],
      {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(line).toMatch(
      /^K30 simulator listening on http:\/\/127\.0\.0\.1:\d+ companyno=CLI1 secret=cli-secret aes-key=cli-secret aes-iv=cli-secret profile=aes-cbc seed=empty$/,
    );
    const url = /on (\S+)/.exec(line)![1];
    const answer = await simCall(
      { url, credentials: { companyno: 'CLI1', appSecret: 'cli-secret', aesKey: 'cli-secret', aesIv: 'cli-secret', profile: 'aes-cbc' } },
      'Device/GetList',
      { pageindex: 1, pagesize: 1 },
    );
    expect(answer.resultcode).toBe('1');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
