import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTERVENTION_KINDS,
  INTERVENTION_TYPES,
  InputError,
  PARAMS,
  PRESET_IDS,
  parseScenario,
  scenarioJsonSchema,
} from '../../src/index.ts';

const validate = new Ajv2020({ strict: false, allErrors: false }).compile(scenarioJsonSchema());

/** Whether the parser takes a scenario file (an InputError is a refusal; anything else a bug). */
function parserAccepts(file: unknown): boolean {
  try {
    parseScenario(file);
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

const VALID: unknown[] = [
  {},
  { preset: 'spiral' },
  { preset: 'low', days: 260, runs: 5, seed: 7 },
  { params: { teamSize: 12, releasePolicy: 'continuous', protectImprovement: true } },
  { interventions: [{ type: 'mergeFreeze', day: 10, days: 20 }] },
  { interventions: [{ type: 'incident', day: 3 }] },
  { interventions: [{ type: 'set', day: 5, param: 'teamSize', value: 9 }] },
  { interventions: [{ type: 'set', day: 5, param: 'releasePolicy', value: 'train' }] },
  { days: 1000, interventions: [{ type: 'releaseSlip', day: 900, days: 15 }] },
  ...INTERVENTION_TYPES.filter((type) => type !== 'set').map((type) => ({
    interventions: [INTERVENTION_KINDS[type].example!(100, 8)],
  })),
];

const INVALID: Record<string, unknown> = {
  'an unknown key': { presets: 'low' },
  'an unknown preset': { preset: 'excellent' },
  'a parameter out of range': { params: { teamSize: -3 } },
  'an unknown parameter': { params: { teamSise: 8 } },
  'a fractional run length': { days: 10.5 },
  'a seed that is not a whole number': { seed: 'abc' },
  'a negative seed': { seed: -1 },
  'a freeze without days': { interventions: [{ type: 'mergeFreeze', day: 10 }] },
  'a share that is a word': { interventions: [{ type: 'surge', day: 10, days: 5, share: 'lots' }] },
  'a share above one': { interventions: [{ type: 'automationPush', day: 10, share: 2 }] },
  'an unknown kind': { interventions: [{ type: 'holiday', day: 10 }] },
  'a field of another kind': { interventions: [{ type: 'removeApprovals', day: 10, days: 3 }] },
  'a day past the end of the default run': {
    interventions: [{ type: 'removeApprovals', day: 600 }],
  },
  "a day past the end of the preset's run": {
    preset: 'recovery',
    interventions: [{ type: 'removeApprovals', day: 520 }],
  },
  'a negative day': { interventions: [{ type: 'removeApprovals', day: -1 }] },
  'a set with a wrong-typed value': {
    interventions: [{ type: 'set', day: 5, param: 'teamSize', value: 'twelve' }],
  },
  'a set of a choice to a value it does not offer': {
    interventions: [{ type: 'set', day: 5, param: 'releasePolicy', value: 'weekly' }],
  },
  'a set of an unknown parameter': {
    interventions: [{ type: 'set', day: 5, param: 'mood', value: 1 }],
  },
  'interventions that are not a list': { interventions: { type: 'removeApprovals', day: 1 } },
};

describe('the JSON Schema and the scenario parser', () => {
  it('both take every valid scenario of the corpus', () => {
    for (const file of VALID) {
      expect(parserAccepts(file), JSON.stringify(file)).toBe(true);
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('both refuse every invalid scenario of the corpus', () => {
    for (const [what, file] of Object.entries(INVALID)) {
      expect(parserAccepts(file), what).toBe(false);
      expect(validate(file), what).toBe(false);
    }
  });

  it('agree on generated scenarios: whatever one refuses, the other refuses too', () => {
    const numberish = fc.oneof(
      fc.integer({ min: -5, max: 2000 }),
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.constantFrom('x', true, null),
    );
    const intervention = fc.record(
      {
        type: fc.constantFrom(...INTERVENTION_TYPES, 'holiday'),
        day: fc.oneof(fc.integer({ min: -2, max: 700 }), fc.constant(0.5)),
        days: numberish,
        share: numberish,
        mustHaveShare: numberish,
        releaseIntervalDays: numberish,
        hours: numberish,
        responders: numberish,
        param: fc.constantFrom(...PARAMS.slice(0, 6).map((p) => p.id), 'mood'),
        value: fc.oneof(numberish, fc.constantFrom('train', 'continuous')),
      },
      { requiredKeys: ['type'] },
    );
    const scenario = fc.record(
      {
        preset: fc.constantFrom(...PRESET_IDS, 'excellent'),
        days: fc.oneof(fc.integer({ min: 0, max: 800 }), fc.constant(52.5)),
        seed: fc.oneof(fc.integer({ min: -2, max: 100 }), fc.constant('s')),
        interventions: fc.array(intervention, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(scenario, (file) => {
        const parsed = parserAccepts(file);
        // The one rule the schema cannot state: a day before a `days` the file itself gives.
        const pastItsOwnEnd =
          typeof file.days === 'number' &&
          (file.interventions ?? []).some((i) => typeof i.day === 'number' && i.day >= file.days!);
        if (!pastItsOwnEnd) expect(validate(file)).toBe(parsed);
        else expect(parsed).toBe(false);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
