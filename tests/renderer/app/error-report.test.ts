import { describe, expect, it } from 'vitest';
import { RendererErrorSchema } from '../../../src-preload/contract';
import { describeRendererError } from '../../../src-renderer/src/app/error-report';

describe('renderer error reports', () => {
  it('carry the message and stack, within the contract’s limits', () => {
    const error = new TypeError('x is undefined');
    const report = describeRendererError('boundary', error);
    expect(report.message).toBe('TypeError: x is undefined');
    expect(report.stack).toContain('x is undefined');
    expect(RendererErrorSchema.safeParse(report).success).toBe(true);
    const huge = describeRendererError('window', new Error('y'.repeat(10_000)));
    expect(RendererErrorSchema.safeParse(huge).success).toBe(true);
  });

  it('mask what looks like personal data an error message might quote', () => {
    const report = describeRendererError('uncaught', new Error('bad visitor 11010519491231002X, 13800138000, li.lei@example.com'));
    expect(report.message).toBe('Error: bad visitor <number>, <number>, <email>');
    expect(describeRendererError('window', 'plain text')).toEqual({ source: 'window', message: 'plain text' });
  });
});
