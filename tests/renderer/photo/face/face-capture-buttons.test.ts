import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FaceCaptureButtons } from '../../../../src-renderer/src/photo/face/FaceCaptureButtons';
import type { FaceCamera } from '../../../../src-renderer/src/photo/face/useFaceCamera';

/** What the buttons read of the camera: live or not, the face check's state, a capture under way. */
function shotOf({ live = true, ready = false, engineState = 'ready', busy = false } = {}): FaceCamera {
  return {
    camera: { status: live ? 'live' : 'starting' },
    face: { ready, engineState },
    capture: { busy, start: () => {} },
    captureLabel: 'Take photo',
  } as unknown as FaceCamera;
}

const render = (shot: FaceCamera, props: { anywayId?: string; large?: boolean; describedBy?: string } = {}) =>
  renderToStaticMarkup(createElement(FaceCaptureButtons, { shot, id: 'take', ...props }));

describe('FaceCaptureButtons', () => {
  it('takes the photo once the face check passes, and offers no way around it then', () => {
    const html = render(shotOf({ ready: true }), { large: true, describedBy: 'photo-error' });
    expect(html).toBe(
      '<div class="button-row"><button id="take" type="button" class="button button-primary button-large" aria-describedby="photo-error">Take photo</button></div>',
    );
  });

  it('waits for the face check, and lets staff take the photo anyway once the detector has loaded', () => {
    const html = render(shotOf({ ready: false }), { anywayId: 'anyway' });
    expect(html).toContain('<button id="take" type="button" class="button button-primary" disabled="">');
    expect(html).toContain('<button id="anyway" type="button" class="button button-secondary-small">');
  });

  it('offers no "anyway" while the detector loads, nor any button while the camera starts or a capture runs', () => {
    expect(render(shotOf({ engineState: 'loading' }))).not.toContain('button-secondary-small');
    expect(render(shotOf({ live: false }))).toContain('class="button button-secondary-small" disabled=""');
    expect(render(shotOf({ ready: true, busy: true }))).toContain('class="button button-primary" disabled=""');
  });
});
