import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  briefing,
  createGame,
  DECISION_LIMITS,
  debrief,
  decide,
  decisionInterventions,
  GAME_PRESETS,
  GAME_START_DAY,
  nextRound,
  presetParams,
  readDecision,
  revealResults,
  roundNotes,
  runRound,
  simulate,
  standings,
  startingDecision,
  type TeamDecision,
} from '../../src/index.ts';

const lines = (n: number) => Math.round(n).toLocaleString('en-GB');
const total = (values: Float64Array) => values.reduce((s, v) => s + v, 0);

describe('the briefing', () => {
  it('quotes the run every round continues: deployments, failures, lead time and waiting code before round 1', () => {
    for (const preset of GAME_PRESETS)
      for (const seed of [1, 2, 3]) {
        const brief = briefing(preset.id, seed, 20);
        const text = brief.sentences.join(' ');
        const params = presetParams(preset);
        const before = simulate(params, { days: GAME_START_DAY, warmupDays: 0, seed });
        const wip = before.series.wipLines[GAME_START_DAY - 1];
        expect(text).toContain(`${lines(wip)} lines are waiting to ship`);
        const deployments = Math.round(total(before.series.deployments));
        if (deployments > 0) expect(text).toContain(`made ${deployments} deployment`);
        expect(text).toContain(`${params.teamSize} engineers`);
        // The game's first round replays these same days before its decisions take hold.
        const game = createGame(
          { teams: ['A'], rounds: 1, roundDays: 20, preset: preset.id, seed },
          brief.decision,
        );
        const round = simulate(params, {
          days: GAME_START_DAY + 20,
          seed,
          interventions: decisionInterventions(game, 0, 1, params),
        });
        expect(round.series.wipLines[GAME_START_DAY - 1]).toBe(wip);
      }
  });

  it('says how the team ships: its train, its passes and its approval', () => {
    const spiral = briefing('spiral', 1, 20).sentences.join(' ');
    expect(spiral).toContain(
      'releases every 10 working days, after 1 manual regression pass of 2 days and an approval wait of 1 day',
    );
    const low = briefing('low', 1, 20).sentences.join(' ');
    expect(low).toContain(
      'releases every 12 working days, after 1 manual regression pass of 1.5 days',
    );
  });

  it('starts only from a team on a release train: the decisions are a train’s', () => {
    expect(GAME_PRESETS.map((p) => p.id)).not.toContain('elite');
    expect(() =>
      createGame(
        { teams: ['A'], rounds: 1, roundDays: 20, preset: 'elite', seed: 1 },
        startingDecision('spiral'),
      ),
    ).toThrow(
      /config\.preset: "elite" is not allowed; allowed: a team on a release train \(high, medium, low, spiral, recovery\)/,
    );
  });
});

describe('reading a decision against the escape steps', () => {
  const start: TeamDecision = {
    releaseIntervalDays: 10,
    regressionPasses: 2,
    automationShare: 0.1,
    freezeMerges: false,
  };

  it('names each escape step a decision takes, and the "be careful" reflex', () => {
    expect(readDecision(start, start)).toEqual({
      steps: [],
      careful: false,
      words: 'changed nothing',
    });
    expect(readDecision({ ...start, freezeMerges: true }, start).steps).toEqual(['freeze']);
    expect(readDecision({ ...start, automationShare: 0.3 }, start).steps).toEqual(['automation']);
    expect(readDecision({ ...start, releaseIntervalDays: 5 }, start).steps).toEqual(['train']);
    expect(readDecision({ ...start, regressionPasses: 0 }, start).words).toBe(
      'no manual passes (step 4)',
    );
    const careful = readDecision({ ...start, releaseIntervalDays: 20, regressionPasses: 3 }, start);
    expect(careful).toMatchObject({ steps: [], careful: true });
    expect(careful.words).toBe(
      'released less often (every 20 days), tested more by hand (3 passes)',
    );
  });

  it('takes a step exactly when the decision moves that way from the start (any decision)', () => {
    const limits = DECISION_LIMITS;
    const decision = fc.record({
      releaseIntervalDays: fc.integer(limits.releaseIntervalDays),
      regressionPasses: fc.integer(limits.regressionPasses),
      automationShare: fc.integer({ min: 0, max: 10 }).map((n) => n / 20),
      freezeMerges: fc.boolean(),
    });
    fc.assert(
      fc.property(decision, decision, (d, s) => {
        const r = readDecision(d, s);
        expect(r.steps.includes('freeze')).toBe(d.freezeMerges);
        expect(r.steps.includes('automation')).toBe(d.automationShare > s.automationShare);
        expect(r.steps.includes('train')).toBe(d.releaseIntervalDays < s.releaseIntervalDays);
        expect(r.steps.includes('handoffs')).toBe(d.regressionPasses < s.regressionPasses);
        expect(r.careful).toBe(
          d.releaseIntervalDays > s.releaseIntervalDays || d.regressionPasses > s.regressionPasses,
        );
      }),
    );
  });
});

describe("the facilitator's notes and the debrief", () => {
  const brief = briefing('spiral', 4, 20);
  const unchanged = brief.decision;
  const plans: Record<string, TeamDecision> = {
    Red: unchanged,
    Blue: { ...unchanged, releaseIntervalDays: 5, automationShare: 0.3 },
    Green: { ...unchanged, releaseIntervalDays: 20, regressionPasses: 3 },
  };
  const teams = Object.keys(plans);
  let game = createGame({ teams, rounds: 3, roundDays: 20, preset: 'spiral', seed: 4 }, unchanged);
  for (let round = 0; round < 3; round++) {
    teams.forEach((team, t) => {
      game = decide(game, t, plans[team]);
    });
    game = nextRound(revealResults(runRound(game)));
  }
  const table = standings(game);

  it("ties each team's round to its escape steps and states what its waiting code did, from the round's results", () => {
    for (const round of [1, 2, 3]) {
      const notes = roundNotes(table, round, brief);
      for (const note of notes.teams) {
        const standing = table.find((s) => s.team === note.team)!;
        const now = standing.rounds[round - 1].wipLines;
        const before = round === 1 ? brief.start.wipLines : standing.rounds[round - 2].wipLines;
        expect(note.sentence).toContain(lines(now));
        expect(note.sentence).toContain(
          Math.round(now) === Math.round(before) ? 'stayed at' : now < before ? 'fell' : 'rose',
        );
      }
      const prompts = notes.prompts.join('\n');
      expect(prompts).toMatch(/^Blue: you release more often/m);
      expect(prompts).toMatch(/^Green: you tested more or released less/m);
      expect(prompts).not.toMatch(/^Red/m);
    }
  });

  it('asks the room to change course when nobody has', () => {
    const quiet = table.map((s) => ({
      ...s,
      rounds: s.rounds.map((r) => ({ ...r, decision: unchanged })),
    }));
    expect(roundNotes(quiet, 1, brief).prompts).toEqual([
      'Nobody has changed course yet. What would it take to release smaller next round?',
    ]);
  });

  it('sums up each team against the four steps, from the briefing to the last round', () => {
    const lines = debrief(table, brief).teams;
    expect(lines.find((l) => l.startsWith('Blue'))).toContain('took escape steps 2, 3.');
    expect(lines.find((l) => l.startsWith('Red'))).toContain('took none of the escape steps.');
    expect(lines.find((l) => l.startsWith('Green'))).toContain(
      'tested more or released less in 3 rounds',
    );
  });
});
