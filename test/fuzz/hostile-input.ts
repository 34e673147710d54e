import fc from 'fast-check';
import { INTERVENTION_FIELDS, PARAM_IDS } from '../../src/index.ts';

const PARAM_IDS_FOR_FUZZ = [...PARAM_IDS];
const INTERVENTION_TYPES_FOR_FUZZ = Object.keys(INTERVENTION_FIELDS);

/** Names every JavaScript object has: a lookup that is not an own-property lookup finds them. */
export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  'prototype',
] as const;

/** Names a careless user or an attacker types: near misses, markup, control characters, huge keys. */
const hostileName = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(
    '',
    ' ',
    'a\nb',
    '<img src=x onerror=alert(1)>',
    '"',
    '\\',
    '😀',
    'x'.repeat(5000),
  ),
  fc.constantFrom(...PARAM_IDS_FOR_FUZZ, ...INTERVENTION_TYPES_FOR_FUZZ),
  fc.string({ maxLength: 12 }),
);

/** Values a file may hold where a number, a flag or a name is expected. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(0, -0, -1, 1, 0.5, 1.5, 7, 12, 40, 99, 1e21, 2 ** 53, -1e9, 4294967296),
    fc.constantFrom(true, false, null, 'NaN', '12', ' 12 ', '0x2', '1e3', 'lots', 'stochastic'),
    hostileName,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileName, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Mostly a valid value, sometimes a hostile one: most cases get past the first check. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: hostileValue, weight: 1 });

/** A small whole number, often in range for days, runs and intervention days. */
const smallWhole = fc.integer({ min: -2, max: 260 });

/** An intervention as a file holds it: a real or hostile type, a day, and real or hostile fields. */
const intervention = fc.record(
  {
    type: fc.oneof(
      { arbitrary: fc.constantFrom(...INTERVENTION_TYPES_FOR_FUZZ), weight: 5 },
      { arbitrary: hostileName, weight: 1 },
    ),
    day: mostly(smallWhole),
    days: mostly(smallWhole),
    share: mostly(fc.double({ min: 0, max: 1, noNaN: true })),
    releaseIntervalDays: mostly(fc.integer({ min: 1, max: 30 })),
    mustHaveShare: mostly(fc.double({ min: 0, max: 1, noNaN: true })),
    hours: mostly(fc.integer({ min: 1, max: 100 })),
    responders: mostly(fc.integer({ min: 1, max: 8 })),
    param: fc.oneof(fc.constantFrom(...PARAM_IDS_FOR_FUZZ), hostileName),
    value: hostileValue,
  },
  { requiredKeys: ['type', 'day'] },
);

/**
 * A scenario file as an object: real keys with in-range, out-of-range or hostile values, and now
 * and then a key that does not exist. Run lengths stay short so the valid ones run quickly.
 */
export const scenarioObject = fc.record(
  {
    preset: fc.oneof(
      { arbitrary: fc.constantFrom('elite', 'high', 'medium', 'low', 'spiral'), weight: 5 },
      { arbitrary: hostileName, weight: 1 },
    ),
    params: mostly(
      fc.dictionary(
        fc.oneof(
          { arbitrary: fc.constantFrom(...PARAM_IDS_FOR_FUZZ), weight: 5 },
          { arbitrary: hostileName, weight: 1 },
        ),
        mostly(
          fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1, noNaN: true })),
        ),
        { maxKeys: 3 },
      ),
    ),
    interventions: mostly(fc.array(intervention, { maxLength: 3 })),
    days: mostly(fc.integer({ min: 20, max: 200 })),
    runs: mostly(fc.integer({ min: 1, max: 3 })),
    seed: mostly(fc.integer({ min: 0, max: 1000 })),
  },
  { requiredKeys: [] },
);

/** Ways to damage the text of a file: cut it, nest it, add a byte-order mark, splice in junk. */
export const damagedText = (text: string) =>
  fc.oneof(
    { arbitrary: fc.constant(text), weight: 8 },
    fc.constant(`\uFEFF${text}`),
    fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((cut) => text.slice(0, cut)),
    fc.integer({ min: 33, max: 100000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    fc
      .tuple(fc.integer({ min: 0, max: text.length }), fc.string({ maxLength: 4 }))
      .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
  );

/** What a refusal must look like: one bounded line that names a field and says what is allowed. */
export function isOneLineRefusal(message: string): boolean {
  return (
    !message.includes('\n') &&
    /^[^\n]+?: .* is not allowed; /.test(message) &&
    message.length < 1200
  );
}
