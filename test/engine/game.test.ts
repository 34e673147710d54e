import { describe, expect, it } from 'vitest';
import {
  createGame,
  decide,
  decisionInterventions,
  findPreset,
  GAME_START_DAY,
  type GameState,
  InputError,
  nextRound,
  parseGame,
  parseGameText,
  presetParams,
  revealResults,
  roundsShown,
  runRound,
  setPaused,
  setShock,
  simulate,
  standings,
  type TeamDecision,
} from '../../src/index.ts';

const START: TeamDecision = {
  releaseIntervalDays: 10,
  regressionPasses: 1,
  automationShare: 0.1,
  freezeMerges: false,
};

function newGame(teams = ['Ants', 'Bees'], rounds = 3): GameState {
  return createGame({ teams, rounds, roundDays: 20, preset: 'medium', seed: 7 }, START);
}

/** Plays a round with each team's decision, reveals it and moves on. */
function play(game: GameState, decisions: TeamDecision[]): GameState {
  let next = game;
  decisions.forEach((d, team) => {
    next = decide(next, team, d);
  });
  return nextRound(revealResults(runRound(next)));
}

describe('workshop game', () => {
  it('goes round by round: decide, run (hidden), reveal, next; ends after the last round', () => {
    let game = newGame();
    expect(roundsShown(game)).toBe(0);
    game = runRound(game);
    expect(game.phase).toBe('hidden');
    expect(roundsShown(game)).toBe(0);
    game = revealResults(game);
    expect(roundsShown(game)).toBe(1);
    game = nextRound(game);
    expect(game.phase).toBe('deciding');
    game = play(game, [START, START]);
    game = play(game, [START, START]);
    expect(game.phase).toBe('finished');
    expect(roundsShown(game)).toBe(3);
    expect(standings(game).every((s) => s.rounds.length === 3)).toBe(true);
  });

  it('refuses moves out of turn and while paused, naming why', () => {
    const game = newGame();
    expect(() => revealResults(game)).toThrow(/allowed only while hidden/);
    const paused = setPaused(game, true);
    expect(() => runRound(paused)).toThrow(/resumed/);
    expect(() => decide(paused, 0, START)).toThrow(InputError);
    expect(() => decide(game, 5, START)).toThrow(/team: 5/);
    expect(() => decide(game, 0, { ...START, releaseIntervalDays: -3 })).toThrow(
      /decision.releaseIntervalDays: -3/,
    );
  });

  it('decisions change outcomes: a slow cadence with heavy testing leaves more code undeployed than a fast, automated one', () => {
    let game = newGame(['Fast', 'Slow'], 4);
    const fast = {
      releaseIntervalDays: 3,
      regressionPasses: 0,
      automationShare: 0.3,
      freezeMerges: false,
    };
    const slow = {
      releaseIntervalDays: 40,
      regressionPasses: 3,
      automationShare: 0,
      freezeMerges: false,
    };
    for (let r = 0; r < 4; r++) game = play(game, [fast, slow]);
    const table = standings(game);
    const byName = Object.fromEntries(table.map((s) => [s.team, s]));
    expect(byName.Slow.wipLines).toBeGreaterThan(2 * byName.Fast.wipLines);
    expect(table[0].valueKloc).toBeGreaterThanOrEqual(table[1].valueKloc);
  });

  it('a merge freeze holds code back in its round, outside the pipeline', () => {
    let game = newGame(['Open', 'Frozen'], 1);
    game = decide(game, 1, { ...START, freezeMerges: true });
    game = revealResults(runRound(game));
    const params = presetParams(findPreset(game.config.preset)!);
    const roundEnd = GAME_START_DAY + game.config.roundDays - 1;
    const held = (team: number) =>
      simulate(params, {
        days: roundEnd + 1,
        seed: game.config.seed,
        interventions: decisionInterventions(game, team, 1, params),
      }).series.wipHeldLines[roundEnd];
    expect(held(0)).toBe(0);
    expect(held(1)).toBeGreaterThan(1000);
  });

  it('saves as JSON and reads back the same game, with the same results', () => {
    let game = newGame();
    game = play(game, [START, { ...START, releaseIntervalDays: 5 }]);
    const copy = parseGameText(JSON.stringify(game));
    expect(copy).toEqual(game);
    expect(standings(copy)).toEqual(standings(game));
  });

  it('refuses a damaged game file with a message naming the field', () => {
    const game = newGame();
    expect(() => parseGameText('{"version":1')).toThrow(/allowed: valid JSON/);
    expect(() => parseGame({ ...game, version: 2 })).toThrow(/game.version: 2/);
    expect(() => parseGame({ ...game, config: { ...game.config, teams: [] } })).toThrow(
      /game.config.teams/,
    );
    expect(() =>
      parseGame({
        ...game,
        config: { ...game.config, teams: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] },
      }),
    ).toThrow(/1 to 8/);
    expect(() => parseGame({ ...game, decisions: [[START]] })).toThrow(/game.decisions\[0\]/);
    expect(() =>
      parseGame({ ...game, decisions: [[START, { ...START, automationShare: 2 }]] }),
    ).toThrow(/game.decisions\[0\]\[1\].automationShare: 2/);
    expect(() => parseGame({ ...game, phase: 'won' })).toThrow(/game.phase/);
    expect(() => parseGame({ ...game, extra: 1 })).toThrow(/game.extra/);
    expect(() => parseGame({ ...game, config: { ...game.config, preset: 'mediun' } })).toThrow(
      /did you mean "medium"/,
    );
  });

  it('the facilitator can throw a shock at every team; a three-week slip leaves the fragile team with far more code waiting (5 seeds)', () => {
    const play3 = (shock: 'releaseSlip' | 'incident' | null, seed: number) => {
      let game = createGame(
        { teams: ['Only'], rounds: 3, roundDays: 20, preset: 'spiral', seed },
        START,
      );
      game = setShock(game, shock);
      for (let r = 0; r < 3; r++) game = play(game, [START]);
      return standings(game)[0];
    };
    const meanWaiting = (standing: ReturnType<typeof play3>) =>
      standing.rounds.reduce((sum, r) => sum + r.wipLines, 0) / standing.rounds.length;
    for (let seed = 1; seed <= 5; seed++) {
      const calm = play3(null, seed);
      const slipped = play3('releaseSlip', seed);
      expect(slipped.rounds.map((r) => r.shock)).toEqual(['releaseSlip', null, null]);
      expect(meanWaiting(slipped), `seed ${seed}`).toBeGreaterThan(1.5 * meanWaiting(calm));
      // An incident takes half the team for 80 hours: the rounds come out differently.
      expect(play3('incident', seed).rounds).not.toEqual(
        calm.rounds.map((r) => ({ ...r, shock: 'incident' })),
      );
    }
  });

  it('a shock is chosen only while teams decide, and only from the shocks on offer', () => {
    const game = newGame();
    expect(() => setShock(game, 'meteor' as never)).toThrow(
      /shock: "meteor" is not allowed; allowed: none, releaseSlip, incident/,
    );
    expect(() => setShock(runRound(game), 'incident')).toThrow(/allowed only while deciding/);
    expect(setShock(game, 'incident').shocks).toEqual(['incident']);
    expect(setShock(setShock(game, 'incident'), null).shocks).toEqual([null]);
  });

  it('reads a game saved without shocks, and refuses shocks that do not fit the rounds', () => {
    const { shocks: _, ...older } = newGame();
    expect(parseGame(older).shocks).toEqual([null]);
    expect(() => parseGame({ ...newGame(), shocks: [null, null] })).toThrow(
      /game.shocks: .*one entry for each of the 1 rounds/,
    );
    expect(() => parseGame({ ...newGame(), shocks: ['flood'] })).toThrow(
      /game.shocks\[0\]: "flood"/,
    );
  });
});

describe('the game teaches the article', () => {
  const spiral = presetParams(findPreset('spiral')!);
  const unchanged: TeamDecision = {
    releaseIntervalDays: spiral.releaseIntervalDays,
    regressionPasses: spiral.regressionPasses,
    automationShare: spiral.automationShare,
    freezeMerges: false,
  };
  const plans: Record<string, TeamDecision> = {
    unchanged,
    // Release more often, on purpose, and invest in automation.
    smaller: { ...unchanged, releaseIntervalDays: 5, automationShare: 0.2 },
    // "Be careful": test more and release less.
    careful: {
      ...unchanged,
      releaseIntervalDays: unchanged.releaseIntervalDays * 2,
      regressionPasses: unchanged.regressionPasses + 2,
    },
    // The same choices as the unchanged team: they must share its place.
    twin: unchanged,
  };
  const teams = Object.keys(plans);

  /** Eight monthly rounds from the spiral team, with the facilitator's slip in round 2. */
  function finalStandings(seed: number) {
    let game = createGame({ teams, rounds: 8, roundDays: 20, preset: 'spiral', seed }, unchanged);
    for (let round = 0; round < 8; round++) {
      if (round === 1) game = setShock(game, 'releaseSlip');
      teams.forEach((team, t) => {
        game = decide(game, t, plans[team]);
      });
      game = revealResults(runRound(game));
      if (round < 7) game = nextRound(game);
    }
    return Object.fromEntries(standings(game).map((s) => [s.team, s]));
  }

  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  const results = seeds.map(finalStandings);

  it('shipping smaller and automating beats changing nothing, and testing more while releasing less does worse (16 of 20 seeds)', () => {
    const smallerWins = results.filter((r) => r.smaller.netValue > r.unchanged.netValue).length;
    const carefulLoses = results.filter((r) => r.careful.netValue < r.unchanged.netValue).length;
    expect(smallerWins).toBeGreaterThanOrEqual(16);
    expect(carefulLoses).toBeGreaterThanOrEqual(16);
    // And it does so with less code waiting at the end.
    expect(
      results.filter((r) => r.smaller.wipLines < r.unchanged.wipLines).length,
    ).toBeGreaterThanOrEqual(16);
  });

  it('the score is the live value of what was shipped, less downtime and deployment costs, and equal scores share a place', () => {
    for (const r of results) {
      expect(r.twin.netValue).toBe(r.unchanged.netValue);
      expect(r.twin.rank).toBe(r.unchanged.rank);
      for (const standing of Object.values(r))
        expect(standing.netValue).toBeCloseTo(
          standing.rounds.reduce((sum, round) => sum + round.netValue, 0),
          6,
        );
    }
  });
});
