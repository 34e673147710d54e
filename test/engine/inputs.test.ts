import { describe, expect, it } from 'vitest';
import {
  defaultParams,
  InputError,
  PARAMS,
  parseScenario,
  parseScenarioText,
  resolveParams,
  simulate,
} from '../../src/index.ts';

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('bad input through the library', () => {
  for (const spec of PARAMS) {
    it(`${spec.id}: rejects values outside what the table allows, naming field and value`, () => {
      const bad: unknown[] = ['not a value', null, {}];
      if (spec.kind === 'number' || spec.kind === 'integer')
        bad.push(
          spec.min - 1,
          spec.max + 1,
          Number.NaN,
          Number.POSITIVE_INFINITY,
          String(spec.default),
        );
      if (spec.kind === 'integer') bad.push(spec.min + 0.5);
      if (spec.kind === 'boolean') bad.push(1);
      for (const value of bad) {
        const message = messageOf(() =>
          simulate({ ...defaultParams(), [spec.id]: value } as never, { days: 5 }),
        );
        expect(message).toContain(spec.id);
        expect(message).toContain('allowed');
      }
    });
  }

  it('an unknown parameter suggests the nearest id', () => {
    expect(messageOf(() => resolveParams({ teamSise: 4 }))).toContain('did you mean "teamSize"');
  });

  it('scenario files: unknown keys, wrong types, empty and malformed text', () => {
    expect(messageOf(() => parseScenario({ preset: 'elit' }))).toContain('did you mean "elite"');
    expect(messageOf(() => parseScenario({ dayz: 5 }))).toContain('did you mean "days"');
    expect(messageOf(() => parseScenario({ days: -1 }))).toContain('days');
    expect(
      messageOf(() => parseScenario({ interventions: [{ type: 'mergeFreez', day: 1 }] })),
    ).toContain('mergeFreeze');
    expect(
      messageOf(() => parseScenario({ interventions: [{ type: 'cadence', day: 1 }] })),
    ).toContain('interventions[0].releaseIntervalDays');
    expect(messageOf(() => parseScenarioText(''))).toContain('empty');
    expect(messageOf(() => parseScenarioText('{ "preset": '))).toContain('valid JSON');
    expect(messageOf(() => parseScenarioText('[1, 2]'))).toContain('object');
  });

  it('run options are checked too', () => {
    expect(messageOf(() => simulate(defaultParams(), { days: 0 }))).toContain('days');
    expect(messageOf(() => simulate(defaultParams(), { days: 10, warmupDays: 10 }))).toContain(
      'warmupDays',
    );
  });
});
