import { describe, expect, it } from 'vitest';
import {
  classifyOutcome,
  DORA_TABLES,
  defaultParams,
  durationBucket,
  findPreset,
  frequencyBucket,
  monteCarlo,
  PRESETS,
  presetParams,
  simulate,
} from '../../src/index.ts';
import { preset, sum } from '../helpers.ts';

const table = DORA_TABLES[2023];
const within = (index: number, range: readonly [number, number]) =>
  index >= range[0] && index <= range[1];

/** What real teams differ in: the only parameters a DORA preset may set. */
const PRACTICES = new Set([
  'teamSize',
  'releasePolicy',
  'releaseIntervalDays',
  'branchLifetimeDays',
  'testAutomation',
  'automationShare',
  'regressionPassDays',
  'regressionPasses',
  'maxExtraPasses',
  'testerShare',
  'stabilisationShare',
  'approvalWaitDays',
  'handoffs',
  'handoffWaitDays',
  'deployHours',
  'rollbackAvailable',
  'rollbackHours',
  'detectionHours',
]);

describe('DORA presets land in their level', () => {
  for (const level of ['elite', 'high', 'medium', 'low'] as const) {
    it(`${level}: in its buckets and rated ${level} in at least 80% of 50 seeds, CFR within 5 points of the table`, () => {
      const row = table.find((r) => r.level === level)!;
      const params = preset(level);
      let inLevel = 0;
      let cfr = 0;
      let overall = 0;
      for (let seed = 1; seed <= 50; seed++) {
        const s = simulate(params, { days: 520, seed }).summary;
        const ok =
          within(frequencyBucket(s.deploymentsPerWeek), row.frequency) &&
          s.leadTimeDays !== null &&
          within(durationBucket(s.leadTimeDays * 24), row.leadTime) &&
          s.timeToRestoreHours !== null &&
          within(durationBucket(s.timeToRestoreHours), row.recovery);
        if (ok) inLevel++;
        if (s.doraLevel === level) overall++;
        cfr += (s.changeFailureRate ?? 0) / 50;
      }
      expect(inLevel).toBeGreaterThanOrEqual(40);
      expect(overall).toBeGreaterThanOrEqual(40);
      expect(Math.abs(cfr - row.typicalChangeFailureRate)).toBeLessThanOrEqual(0.05);
    });
  }

  it('differ only in what real teams differ in: one set of severities for all four', () => {
    for (const level of ['elite', 'high', 'medium', 'low']) {
      const own = Object.keys(findPreset(level)!.params);
      expect(own.filter((id) => !PRACTICES.has(id))).toEqual([]);
    }
    const defaults = defaultParams();
    for (const level of ['elite', 'high', 'medium', 'low']) {
      expect(preset(level).failureShare).toBe(defaults.failureShare);
      expect(preset(level).deployErrorRate).toBe(defaults.deployErrorRate);
      expect(preset(level).fixGrowthPerWorkDay).toBe(defaults.fixGrowthPerWorkDay);
    }
  });

  it('the expected-value run and the median of 50 seeds agree within 10% on the four DORA metrics', () => {
    const metrics = [
      'deploymentsPerWeek',
      'leadTimeDays',
      'changeFailureRate',
      'timeToRestoreHours',
    ] as const;
    for (const level of ['elite', 'high', 'medium', 'low']) {
      const params = preset(level);
      const expected = simulate(params, { days: 520, mode: 'expected' }).summary;
      const median = monteCarlo(params, { days: 520, runs: 50, seed: 1, bandSeries: [] }).summary;
      for (const metric of metrics) {
        const e = expected[metric] as number;
        const m = median[metric] as number;
        expect(Math.abs(e / m - 1), `${level} ${metric}: ${e} vs ${m}`).toBeLessThanOrEqual(0.1);
      }
    }
  });
});

describe('story presets', () => {
  const run = (id: string, seed: number) => {
    const story = findPreset(id)!;
    return simulate(presetParams(story), {
      days: story.days,
      seed,
      interventions: story.interventions,
    });
  };
  const window = (r: ReturnType<typeof simulate>, from: number, to: number) => {
    const shipped = sum(r.series.linesDeployed, from, to);
    const lead = sum(
      r.series.leadTimeDays.map((l, d) => l * r.series.linesDeployed[d]),
      from,
      to,
    );
    return {
      lead: shipped > 0 ? lead / shipped : Number.POSITIVE_INFINITY,
      wip: sum(r.series.wipLines, from, to) / (to - from),
    };
  };

  it('spiral: tips after its slip in at least 16 of 20 seeds, and in at most 2 without it', () => {
    const story = findPreset('spiral')!;
    const params = presetParams(story);
    let tipped = 0;
    let tippedAnyway = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const shocked = simulate(params, { days: 520, seed, interventions: story.interventions });
      const calm = simulate(params, { days: 520, seed });
      if (classifyOutcome(shocked).outcome === 'spirals') tipped++;
      if (classifyOutcome(calm).outcome === 'spirals') tippedAnyway++;
    }
    expect(tipped).toBeGreaterThanOrEqual(16);
    expect(tippedAnyway).toBeLessThanOrEqual(2);
  });

  it('spiral: before the slip the team works, at a medium level', () => {
    const params = presetParams(findPreset('spiral')!);
    const before = simulate(params, { days: 100, mode: 'expected' }).summary;
    expect(before.doraLevel).toBe('medium');
  });

  it('recovery: the escape steps bring the same team back, better than before the slip', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const result = run('recovery', seed);
      const before = window(result, 60, 100);
      const after = window(result, 420, 520);
      expect(after.lead).toBeLessThan(before.lead);
      expect(after.wip).toBeLessThan(before.wip);
      expect(result.series.automationLevel[519]).toBeGreaterThan(
        result.series.automationLevel[99] + 0.3,
      );
    }
  });

  it('every preset explains its values', () => {
    for (const p of PRESETS) expect(p.why.length).toBeGreaterThan(80);
  });

  it("each preset's words say what its parameters are", () => {
    // Each phrase of a preset's summary or explanation that names a setting, with the setting it names.
    const claims: [string, string, (p: ReturnType<typeof preset>) => boolean][] = [
      ['elite', 'Branches live half a day', (p) => p.branchLifetimeDays === 0.5],
      ['elite', 'Automation at 0.9', (p) => p.testAutomation === 0.9],
      ['elite', '15% of the team maintaining it', (p) => p.automationShare === 0.15],
      ['elite', 'rollback takes a quarter of an hour', (p) => p.rollbackHours === 0.25],
      [
        'high',
        'three-day train',
        (p) => p.releasePolicy === 'train' && p.releaseIntervalDays === 3,
      ],
      ['high', 'test automation at 0.7', (p) => p.testAutomation === 0.7],
      [
        'high',
        'a one-day manual pass',
        (p) => p.regressionPassDays === 1 && p.regressionPasses === 1,
      ],
      ['high', 'up to three times', (p) => p.maxExtraPasses === 3],
      [
        'high',
        'a half-day approval and one hand-off',
        (p) => p.approvalWaitDays === 0.5 && p.handoffs === 1,
      ],
      ['medium', 'Two-week train', (p) => p.releaseIntervalDays === 10],
      ['medium', 'test automation at 0.3', (p) => p.testAutomation === 0.3],
      [
        'medium',
        'a two-day manual pass retested once',
        (p) => p.regressionPassDays === 2 && p.maxExtraPasses === 1,
      ],
      [
        'medium',
        'a one-day approval and two hand-offs',
        (p) => p.approvalWaitDays === 1 && p.handoffs === 2,
      ],
      ['low', 'A 12-day train', (p) => p.releaseIntervalDays === 12],
      ['low', 'Fourteen engineers', (p) => p.teamSize === 14],
      ['low', 'little test automation (0.15)', (p) => p.testAutomation === 0.15],
      ['low', 'no retest', (p) => p.maxExtraPasses === 0],
      ['low', 'three-day branches', (p) => p.branchLifetimeDays === 3],
      [
        'low',
        'a half-day approval and one hand-off',
        (p) => p.approvalWaitDays === 0.5 && p.handoffs === 1,
      ],
      ['low', 'eight hours', (p) => p.deployHours === 8],
      ['low', 'no rollback', (p) => !p.rollbackAvailable],
      ['low', 'four days late', (p) => p.detectionHours === 96],
      [
        'spiral',
        'Ten engineers on a ten-day train',
        (p) => p.teamSize === 10 && p.releaseIntervalDays === 10,
      ],
      [
        'spiral',
        'a two-day manual pass, retested once',
        (p) => p.regressionPassDays === 2 && p.maxExtraPasses === 1,
      ],
      [
        'recovery',
        '30% of the team on automation',
        () =>
          findPreset('recovery')!.interventions!.some(
            (i) => i.type === 'automationPush' && i.share === 0.3,
          ),
      ],
      [
        'recovery',
        'a five-day train',
        () =>
          findPreset('recovery')!.interventions!.some(
            (i) => i.type === 'cadence' && i.releaseIntervalDays === 5,
          ),
      ],
      [
        'recovery',
        'for twenty days',
        () =>
          findPreset('recovery')!.interventions!.some(
            (i) => i.type === 'mergeFreeze' && i.days === 20,
          ),
      ],
    ];
    for (const [id, phrase, holds] of claims) {
      const found = findPreset(id)!;
      expect(`${found.summary} ${found.why}`, id).toContain(phrase);
      expect(holds(preset(id)), `${id}: "${phrase}"`).toBe(true);
    }
    const slip = findPreset('spiral')!.interventions!.find((i) => i.type === 'releaseSlip');
    expect(slip?.days).toBe(35);
    expect(findPreset('spiral')!.summary).toContain('held seven weeks');
  });

  it("the spiral's story in words holds in its runs: about 4,000 lines a release, then over four times that", () => {
    let holding = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const run = simulate(preset('spiral'), {
        days: 520,
        seed,
        interventions: [...findPreset('spiral')!.interventions!],
      });
      const before = run.deployments.filter((d) => d.time > 40 && d.time < 100).map((d) => d.lines);
      const usual = before.sort((a, b) => a - b)[Math.floor(before.length / 2)];
      const held = run.deployments.find((d) => d.time > 100);
      const next = held && run.deployments.find((d) => d.time > held.time);
      if (usual > 3000 && usual < 5500 && next && next.lines > 4 * usual) holding++;
    }
    expect(holding).toBeGreaterThanOrEqual(16);
  });
});
