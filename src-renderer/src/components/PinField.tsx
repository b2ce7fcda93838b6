import type { KeyboardEventHandler } from 'react';
import { pinInputProps, type PinPurpose } from './pin-input';
import { TextField } from './TextField';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'enter' (the default): a PIN main checks; 'new': one being chosen. */
  purpose?: PinPurpose;
  /** Shown under the field and announced with it (aria-invalid, aria-describedby). */
  error?: string;
  autoFocus?: boolean;
  onKeyDown?: KeyboardEventHandler<HTMLInputElement>;
}

/** A labelled PIN input: every admin and staff PIN is typed into this one. */
export function PinField({ purpose = 'enter', ...field }: Props) {
  return <TextField {...field} {...pinInputProps(purpose)} />;
}
