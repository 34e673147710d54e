import { InputError } from './errors.ts';

/** A decimal number as people type it: digits, an optional fraction and exponent, no spaces. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A whole number as people type it: decimal digits only. */
const WHOLE = /^[-+]?\d+$/;

/** Checks a parsed value is a whole number within limits; otherwise an InputError naming `field`. */
export function requireWhole(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new InputError(field, value, `allowed: a whole number from ${min} to ${max}`);
  return value;
}

/**
 * Reads a whole number typed as text (a flag, a link): decimal digits only, so `0x2`, `1e3`,
 * `0b11` and ` 52 ` are refused rather than read as something the user did not write.
 */
export function parseWholeText(text: string, field: string, min: number, max: number): number {
  if (!WHOLE.test(text))
    throw new InputError(field, text, `allowed: a whole number from ${min} to ${max}`);
  return requireWhole(Number(text), field, min, max);
}

/** Reads a number typed as text; NaN when it is not written in plain decimal. */
export function decimalValue(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}
