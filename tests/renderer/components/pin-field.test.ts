import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src-preload/contract';
import { PinField } from '../../../src-renderer/src/components/PinField';

/** The input's attributes, as rendered (markup only: the tests run without a DOM). */
function inputOf(props: Partial<Parameters<typeof PinField>[0]> = {}) {
  const html = renderToStaticMarkup(createElement(PinField, { id: 'the-pin', label: 'PIN', value: '', onChange: () => {}, ...props }));
  const input = /<input([^>]*)>/.exec(html)?.[1] ?? '';
  const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(input)?.[1];
  return { html, attr };
}

describe('PinField', () => {
  it('masks an entered PIN, asks for the number pad, is never remembered, and takes what main checks', () => {
    const { html, attr } = inputOf();
    expect(html).toContain('<label for="the-pin" class="field-label">PIN</label>');
    expect(attr('id')).toBe('the-pin');
    expect(attr('type')).toBe('password');
    expect(attr('inputMode')).toBe('numeric');
    expect(attr('autoComplete')).toBe('off');
    expect(attr('maxLength')).toBe('16');
    expect(attr('aria-invalid')).toBeUndefined();
  });

  it('marks a PIN being chosen as a new password and keeps it to the digits a PIN may have', () => {
    const { attr } = inputOf({ purpose: 'new' });
    expect(attr('type')).toBe('password');
    expect(attr('inputMode')).toBe('numeric');
    expect(attr('autoComplete')).toBe('new-password');
    expect(attr('maxLength')).toBe(String(LIMITS.pinDigits.max));
  });

  it('announces its error with the input', () => {
    const { html, attr } = inputOf({ error: 'Wrong PIN' });
    expect(attr('aria-invalid')).toBe('true');
    expect(attr('aria-describedby')).toBe('the-pin-error');
    expect(html).toContain('<p id="the-pin-error" class="field-error">Wrong PIN</p>');
  });
});
