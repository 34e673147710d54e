import type { Params } from '../inputs/params.ts';
import { exp, log } from '../model/portable-math.ts';
import type { FITTED_PARAMS } from './calibrate.ts';

/**
 * Refines a fit with a Nelder-Mead search over every fitted parameter at once (in log space,
 * within each one's range): coordinate descent stalls where two parameters trade off, say the
 * release interval against the time in the pipeline.
 */
export function polish(
  start: { params: Params; loss: number },
  lossOf: (params: Params) => number,
  searched: typeof FITTED_PARAMS,
): { params: Params; loss: number } {
  const fitted = searched.filter(
    ({ id }) =>
      start.params.releasePolicy !== 'continuous' ||
      (id !== 'releaseIntervalDays' && id !== 'regressionPassDays'),
  );
  const toParams = (x: readonly number[]): Params => {
    const params = { ...start.params };
    fitted.forEach(({ id, from, to }, i) => {
      (params as unknown as Record<string, number>)[id] = Math.min(
        to,
        Math.max(from, exp(x[i]) - 1e-3),
      );
    });
    return params;
  };
  const x0 = fitted.map(({ id }) => log((start.params[id] as number) + 1e-3));
  const simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + 0.3 : v)))].map((x) => ({
    x,
    loss: lossOf(toParams(x)),
  }));
  const n = x0.length;
  for (let iteration = 0; iteration < 40 * n; iteration++) {
    simplex.sort((a, b) => a.loss - b.loss);
    if (simplex[n].loss - simplex[0].loss < 1e-10) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((sum, p) => sum + p.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n].x[j] - c));
    const reflected = along(-1);
    const reflectedLoss = lossOf(toParams(reflected));
    if (reflectedLoss < simplex[0].loss) {
      const expanded = along(-2);
      const expandedLoss = lossOf(toParams(expanded));
      simplex[n] =
        expandedLoss < reflectedLoss
          ? { x: expanded, loss: expandedLoss }
          : { x: reflected, loss: reflectedLoss };
    } else if (reflectedLoss < simplex[n - 1].loss) {
      simplex[n] = { x: reflected, loss: reflectedLoss };
    } else {
      const contracted = along(0.5);
      const contractedLoss = lossOf(toParams(contracted));
      if (contractedLoss < simplex[n].loss) simplex[n] = { x: contracted, loss: contractedLoss };
      else {
        for (let i = 1; i <= n; i++) {
          const x = simplex[i].x.map((v, j) => simplex[0].x[j] + 0.5 * (v - simplex[0].x[j]));
          simplex[i] = { x, loss: lossOf(toParams(x)) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.loss - b.loss);
  return simplex[0].loss < start.loss
    ? { params: toParams(simplex[0].x), loss: simplex[0].loss }
    : start;
}
