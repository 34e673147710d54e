/**
 * exp, log, log1p, cos and powers that give the same bits on every JavaScript engine.
 *
 * The language leaves Math.exp, Math.log, Math.cos and `**` free to differ in the last bit, and
 * they do: Node 20 and Chromium disagree on about one exp in ten. Written by hand here because a
 * run must be bit-identical wherever it runs (the same seed gives the same result in Node, a
 * worker and a browser), and only +, −, ×, ÷ and Math.sqrt are exactly rounded by the standard.
 * Each is accurate to a few units in the last place, which the model does not notice.
 */

/** ln 2 split in two: the high part has 32 significant bits, so k × LN2_HI is exact for |k| < 2^21. */
const LN2_HI = 0.6931471806019545;
const LN2_LO = -4.2009150726810846e-11;
const INV_LN2 = Math.LOG2E;
const SQRT2 = Math.SQRT2;
const TWO_PI = 2 * Math.PI;

/** 2^k for k from −1074 to 1023, built by exact doubling and halving. */
const POW2: Float64Array = (() => {
  const table = new Float64Array(1074 + 1024);
  table[1074] = 1;
  for (let k = 1; k <= 1023; k++) table[1074 + k] = table[1074 + k - 1] * 2;
  for (let k = 1; k <= 1074; k++) table[1074 - k] = table[1074 - k + 1] / 2;
  return table;
})();

/** x × 2^k for any whole k, in steps that stay within the table. */
function scaleByPowerOfTwo(x: number, k: number): number {
  let y = x;
  let rest = k;
  while (rest > 1023) {
    y *= POW2[1074 + 1023];
    rest -= 1023;
  }
  while (rest < -1022) {
    y *= POW2[1074 - 1022];
    rest += 1022;
  }
  return y * POW2[1074 + rest];
}

/** Reciprocal factorials 1/n! for the exp series, n = 0 to 13. */
const EXP_TERMS = (() => {
  const terms: number[] = [1];
  for (let n = 1; n <= 13; n++) terms.push(terms[n - 1] / n);
  return terms;
})();

/** e^x, the same on every engine. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.8) return Number.POSITIVE_INFINITY;
  if (x < -745.2) return 0;
  const k = Math.round(x * INV_LN2);
  // |r| ≤ ln2 / 2 (a little more after rounding): the series converges in 14 terms.
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = EXP_TERMS[13];
  for (let n = 12; n >= 0; n--) sum = sum * r + EXP_TERMS[n];
  return scaleByPowerOfTwo(sum, k);
}

const view = new DataView(new ArrayBuffer(8));

/** 2 atanh(s) = log((1 + s) / (1 − s)), for |s| ≤ 0.172 (the series in s² converges in 12 terms). */
function twiceAtanh(s: number): number {
  const z = s * s;
  let sum = 1 / 25;
  for (let n = 11; n >= 0; n--) sum = sum * z + 1 / (2 * n + 1);
  return 2 * s * sum;
}

/** The natural logarithm, the same on every engine. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  let value = x;
  let exponent = 0;
  if (value < POW2[1074 - 1022]) {
    // Subnormal: scale into the normal range first.
    value *= POW2[1074 + 54];
    exponent -= 54;
  }
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  exponent += (high >>> 20) - 1023;
  // The same significand with exponent 0: m in [1, 2).
  view.setUint32(0, (high & 0x000fffff) | 0x3ff00000);
  let m = view.getFloat64(0);
  if (m > SQRT2) {
    m /= 2;
    exponent += 1;
  }
  const f = m - 1;
  return exponent * LN2_HI + (twiceAtanh(f / (2 + f)) + exponent * LN2_LO);
}

/** log(1 + x), accurate for x near 0, the same on every engine. */
export function log1p(x: number): number {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  // Below 1e-9 the series' second term is all that is left, and x / (2 + x) could be subnormal.
  if (Math.abs(x) < 1e-9) return x - (x * x) / 2;
  if (Math.abs(x) < 0.25) return twiceAtanh(x / (2 + x));
  return log(1 + x);
}

/**
 * x^y for x ≥ 0, as e^(y log x); exact for x = 0 and x = 1. Its error grows with |y log x| (a few
 * dozen units in the last place when that is near 100), plenty for the model's batch-size powers.
 */
export function powPositive(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  return exp(y * log(x));
}

/** 1 / ((2n − 1) 2n) and 1 / (2n (2n + 1)) for n = 1 to 10: the nested Taylor series of cos and sin. */
const COS_STEPS = Array.from({ length: 11 }, (_, n) => (n === 0 ? 0 : 1 / ((2 * n - 1) * (2 * n))));
const SIN_STEPS = Array.from({ length: 11 }, (_, n) => (n === 0 ? 0 : 1 / (2 * n * (2 * n + 1))));

/** cos x for |x| ≤ π/4, to degree 20. */
function cosSmall(x: number): number {
  const z = x * x;
  let sum = 1;
  for (let n = 10; n >= 1; n--) sum = 1 - z * COS_STEPS[n] * sum;
  return sum;
}

/** sin x for |x| ≤ π/4, to degree 21. */
function sinSmall(x: number): number {
  const z = x * x;
  let sum = 1;
  for (let n = 10; n >= 1; n--) sum = 1 - z * SIN_STEPS[n] * sum;
  return x * sum;
}

/**
 * cos(2π t), the same on every engine: t is in turns, so the reduction to a small angle is exact
 * (subtracting nearby numbers loses nothing), and only the last step multiplies by 2π.
 */
export function cosTurns(t: number): number {
  if (!Number.isFinite(t)) return Number.NaN;
  let a = Math.abs(t - Math.round(t)); // in [0, 0.5]
  let sign = 1;
  if (a > 0.25) {
    a = 0.5 - a;
    sign = -1;
  }
  return sign * (a <= 0.125 ? cosSmall(TWO_PI * a) : sinSmall(TWO_PI * (0.25 - a)));
}
