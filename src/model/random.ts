import seedrandom from 'seedrandom';
import { cosTurns, exp, log, log1p } from './portable-math.ts';

/**
 * The source of every random draw in a run. The engine asks for draws by their distribution,
 * so the expected-value mode can answer with means and stay deterministic.
 */
export interface Draws {
  /** True when every draw is replaced by its mean. */
  readonly expected: boolean;
  /** A count of events with the given mean (Poisson). */
  poisson(mean: number): number;
  /** How many of `n` items pass a test of probability `p` (binomial thinning). */
  binomial(n: number, p: number): number;
  /** Whether an event of probability `p` happens; its weight (0 or 1, or `p` in expected mode). */
  chance(p: number): number;
  /** The generator's state, to resume a run later exactly where it stopped. */
  saveState(): object | null;
}

/** A uniform [0, 1) source with a savable state. */
interface Uniform {
  (): number;
  state(): object;
}

/** Draws from a seeded generator (Alea): same seed, same sequence, in Node and in browsers. */
export function createSeededDraws(seed: number | string, state?: object | null): Draws {
  // The typings do not admit a saved state object, which Alea accepts to resume exactly.
  const options = { state: state ?? true } as unknown as Parameters<typeof seedrandom.alea>[1];
  const uniform = seedrandom.alea(state ? '' : String(seed), options) as unknown as Uniform;
  // Box-Muller; the second value of each pair is dropped so the saved state alone resumes a run.
  const normal = (): number => {
    let u = 0;
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * log(u)) * cosTurns(uniform());
  };

  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      // Knuth's product method: exact and fast for small means.
      const limit = exp(-mean);
      let count = 0;
      let product = uniform();
      while (product > limit) {
        count++;
        product *= uniform();
      }
      return count;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  };

  const binomial = (n: number, p: number): number => {
    const trials = Math.round(n);
    if (trials <= 0 || !(p > 0)) return 0;
    if (p >= 1) return trials;
    if (p > 0.5) return trials - binomial(trials, 1 - p);
    if (trials <= 12) {
      // A handful of trials: one uniform each is cheaper than logarithms.
      let successes = 0;
      for (let i = 0; i < trials; i++) if (uniform() < p) successes++;
      return successes;
    }
    const mean = trials * p;
    if (p <= 0.05 && mean < 10) {
      // Rare events among many trials: the Poisson limit is accurate and needs no logarithms.
      return Math.min(trials, poisson(mean));
    }
    if (mean < 10) {
      // Waiting-time method: jump from success to success with geometric gaps, so the cost
      // grows with the successes (n p), not with the trials.
      const logFailure = log1p(-p);
      // Below double precision a success is never drawn (and the gap would not be finite).
      if (logFailure === 0) return 0;
      let successes = 0;
      let position = 0;
      for (;;) {
        position += Math.floor(log(1 - uniform()) / logFailure) + 1;
        if (position > trials) return successes;
        successes++;
      }
    }
    const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal());
    return Math.min(trials, Math.max(0, draw));
  };

  return {
    expected: false,
    poisson,
    binomial,
    chance: (p) => (uniform() < p ? 1 : 0),
    saveState: () => uniform.state(),
  };
}

/** Draws replaced by their means: a deterministic run for explanation and for tests. */
export function createExpectedDraws(): Draws {
  return {
    expected: true,
    poisson: (mean) => Math.max(0, mean),
    binomial: (n, p) => (n > 0 && p > 0 ? n * Math.min(1, p) : 0),
    chance: (p) => Math.min(1, Math.max(0, p)),
    saveState: () => null,
  };
}
