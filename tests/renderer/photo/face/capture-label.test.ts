import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src-renderer/src/i18n/translate';
import { faceCaptureLabel } from '../../../../src-renderer/src/photo/face/capture-label';

describe('what "take photo" says with the face check', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('the capture in progress first, else ready, else what the check waits for', () => {
    expect(faceCaptureLabel(en, 'Photo in 3', { ready: false, advice: 'Move closer' })).toBe('Photo in 3');
    expect(faceCaptureLabel(en, '', { ready: true, advice: 'Ready' })).toBe('Take photo');
    expect(faceCaptureLabel(en, '', { ready: false, advice: 'Move closer' })).toBe('Waiting: Move closer');
    expect(faceCaptureLabel(zh, '', { ready: false, advice: '靠近一些' })).toBe('请稍候：靠近一些');
  });
});
