import { TextField, type TextFieldProps } from './TextField';

interface Props extends Omit<TextFieldProps, 'type' | 'inputMode' | 'min' | 'max'> {
  /** The contract's range for this number (LIMITS), so the input offers what main accepts. */
  limit: { min: number; max: number };
}

/** A labelled whole-number input bounded by one of the contract's ranges. */
export function NumberField({ limit, ...rest }: Props) {
  return <TextField type="number" inputMode="numeric" min={limit.min} max={limit.max} {...rest} />;
}
