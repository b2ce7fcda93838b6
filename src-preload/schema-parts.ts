import { z } from 'zod';
import { LIMITS } from './contract-rules';

/** The string and number shapes every part of the contract builds its inputs from. */
export const text = (max: number) => z.string().trim().max(max);
export const required = (max: number) => z.string().trim().min(1).max(max);
export const whole = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);
/** A PIN typed for main to check: any text up to LIMITS.enteredPin (main says whether it is right). */
export const enteredPin = () => z.string().max(LIMITS.enteredPin);
