import { describe, expect, it } from 'vitest';
import { EXAMPLE_HISTORY_CSV } from '../../src/history/history-file.ts';
import { historyTargets } from '../../src/history/measure.ts';
import { type AnalysisRequest, runAnalysis } from '../../web/worker/run-analysis.ts';
import { preset } from '../helpers.ts';

const params = preset('medium');
const days = 200;

const requests: AnalysisRequest[] = [
  { kind: 'tipping', params, days, param: 'regressionPassDays' },
  { kind: 'sensitivity', params, days, metric: 'leadTimeDays' },
  { kind: 'calibrate', params, days, targets: historyTargets(EXAMPLE_HISTORY_CSV, 9) },
  { kind: 'resilience', params, days: 300 },
  { kind: 'economics', params, days, from: 1, to: 30, steps: 8 },
  { kind: 'constraints', params, days },
];

describe('analysis progress', () => {
  for (const request of requests) {
    it(`${request.kind} reports how far it has got, never backwards, nearly to the end`, () => {
      const shares: number[] = [];
      runAnalysis(request, (done, total) => shares.push(done / total));
      expect(shares.length).toBeGreaterThan(2);
      for (let i = 1; i < shares.length; i++)
        expect(shares[i]).toBeGreaterThanOrEqual(shares[i - 1]);
      expect(shares[0]).toBeGreaterThanOrEqual(0);
      expect(Math.max(...shares)).toBeGreaterThan(0.6);
      expect(Math.max(...shares)).toBeLessThanOrEqual(1);
    }, 60000);
  }
});
