import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

afterEach(() => vi.useRealTimers());

describe('progress off a terminal', () => {
  it('a long job writes a line every few seconds with how far it is and the time left', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines: string[] = [];
    const progress = createProgress({ err: (line) => lines.push(line) }, 'cells');
    progress.update(1, 100);
    expect(lines).toEqual([]);
    for (let done = 1; done <= 100; done++) {
      vi.setSystemTime(done * 200);
      progress.update(done, 100);
    }
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[0]).toMatch(/^\d+\/100 cells \(\d+%\), about \d+ s left$/);
  });

  it('a job that reports a share of its work shows the share', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines: string[] = [];
    const progress = createProgress({ err: (line) => lines.push(line) });
    vi.setSystemTime(6000);
    progress.update(0.25, 1);
    expect(lines).toEqual(['25%, about 18 s left']);
  });
});

describe('progress on a terminal', () => {
  it('redraws one status line through the writer it is given, and ends it when done', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines: string[] = [];
    const statuses: string[] = [];
    const progress = createProgress(
      { err: (line) => lines.push(line), status: (text) => statuses.push(text) },
      'cells',
    );
    vi.setSystemTime(1500);
    progress.update(10, 40);
    progress.update(20, 40);
    progress.done();
    expect(statuses).toEqual([
      `[${'#'.repeat(8)}${'.'.repeat(22)}] 10/40 cells (25%)`,
      `[${'#'.repeat(15)}${'.'.repeat(15)}] 20/40 cells (50%)`,
    ]);
    expect(lines).toEqual(['']);
  });
});
