import { findPreset, type Params, presetParams } from '../src/index.ts';

/** A preset's parameters, with overrides. */
export function preset(id: string, overrides: Partial<Params> = {}): Params {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return { ...presetParams(found), ...overrides };
}

/** Sum of a series over [from, to). */
export function sum(values: Float64Array, from = 0, to = values.length): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i];
  return total;
}
