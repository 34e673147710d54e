import { describe, expect, it } from 'vitest';
import { EXAMPLE_HISTORY_CSV } from '../../src/history/history-file.ts';
import { historyTargets } from '../../src/history/measure.ts';
import { InputError } from '../../src/index.ts';

const expected = historyTargets(EXAMPLE_HISTORY_CSV, 9);
const [header, ...rows] = EXAMPLE_HISTORY_CSV.trim().split('\n');

/** The message of the refusal a history gets. */
function refusal(csv: string): string {
  try {
    historyTargets(csv, 9);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('the history was not refused');
}

describe('team history files as tools write them', () => {
  it('reads the same figures from quoted cells, semicolons, a byte-order mark, CRLF and any row order', () => {
    const quoted = [
      header,
      ...rows.map((r) =>
        r
          .split(',')
          .map((c) => `"${c}"`)
          .join(','),
      ),
    ].join('\n');
    const semicolons = [header, ...rows].join('\n').replaceAll(',', ';');
    const windows = `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
    const newestFirst = [header, ...[...rows].reverse()].join('\n');
    for (const csv of [quoted, semicolons, windows, newestFirst])
      expect(historyTargets(csv, 9)).toEqual(expected);
  });

  it('reads ISO 8601 with Z, offsets and milliseconds as the same moments', () => {
    const utc =
      'deployed_at,failed,restored_at\n2026-01-09T16:00:00Z,yes,2026-01-09T20:00:00Z\n2026-01-16T16:00:00Z,no,\n';
    const offsets =
      'deployed_at,failed,restored_at\n2026-01-09T17:00:00+01:00,yes,2026-01-09T21:00:00.000+0100\n2026-01-16T11:00:00.250-05:00,no,\n';
    const a = historyTargets(utc, 5);
    const b = historyTargets(offsets, 5);
    expect(a.timeToRestoreHours).toBe(4);
    expect(b.timeToRestoreHours).toBeCloseTo(4, 9);
    expect(b.deploymentsPerWeek).toBeCloseTo(a.deploymentsPerWeek!, 4);
  });

  it('every refusal names the row, the column and the value', () => {
    expect(refusal(`${header}\n${rows[0]}\n2026-13-40T16:00,no,,2026-01-02\n`)).toMatch(
      /^row 3 deployed_at: "2026-13-40T16:00" is not allowed/,
    );
    expect(refusal(`${header}\n${rows[0]}\n2026-01-23T16:00,maybe,,2026-01-02\n`)).toMatch(
      /^row 3 failed: "maybe" is not allowed; allowed: yes or no/,
    );
    expect(refusal(`${header}\n${rows[0]}\n${rows[1]}\n${rows[0]}\n`)).toMatch(
      /^row 4: .* is not allowed; allowed: each deployment once \(the same as row 2\)/,
    );
    expect(refusal(`${header}\n${rows[0]}\n2026-01-23 16:00:00 UTC,no,,\n`)).toMatch(
      /^row 3 deployed_at: "2026-01-23 16:00:00 UTC" is not allowed; allowed: an ISO 8601 date/,
    );
  });
});
