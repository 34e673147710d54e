import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.ts';

afterEach(() => vi.useRealTimers());

describe('progress off a terminal', () => {
  it('a long job writes a line every few seconds with how far it is and the time left', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const lines: string[] = [];
    const progress = createProgress((line) => lines.push(line), 100, 'cells', false);
    progress.update(1);
    expect(lines).toEqual([]);
    for (let done = 1; done <= 100; done++) {
      vi.setSystemTime(done * 200);
      progress.update(done);
    }
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
    expect(lines[0]).toMatch(/^\d+\/100 cells \(\d+%\), about \d+ s left$/);
  });
});
