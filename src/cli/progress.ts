import { durationText } from './budget.ts';
import type { CommandIo } from './commands/types.ts';

/** Seconds between progress lines when stderr is not a terminal (a log, a CI job). */
const LOG_INTERVAL_MS = 5000;

/** How far a job is, in its own units when it counts them (`12/40 cells`), else as a share. */
function howFar(done: number, total: number, unit: string): string {
  const percent = `${Math.floor((100 * done) / total)}%`;
  return total > 1 && Number.isInteger(done) ? `${done}/${total} ${unit} (${percent})` : percent;
}

/**
 * Progress for a job that has run for about a second, written through the command's writers:
 * a bar redrawn in place on `io.status` when there is a terminal to redraw on, otherwise a line
 * on `io.err` every few seconds with the time left, so a log shows it too. `update` takes what
 * the engine's analyses report: `done` of `total`.
 */
export function createProgress(io: Pick<CommandIo, 'err' | 'status'>, unit = 'runs') {
  const started = Date.now();
  let shown = false;
  let lastLine = 0;
  return {
    update(done: number, total: number): void {
      const now = Date.now();
      if (now - started < 1000 || !(total > 0)) return;
      if (io.status) {
        shown = true;
        const width = 30;
        const filled = Math.round((Math.min(done, total) / total) * width);
        io.status(
          `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${howFar(done, total, unit)}`,
        );
        return;
      }
      if (now - lastLine < LOG_INTERVAL_MS || done === 0) return;
      lastLine = now;
      const left = ((now - started) / 1000) * ((total - done) / done);
      io.err(`${howFar(done, total, unit)}, about ${durationText(left)} left`);
    },
    /** Ends the bar's line, if one was drawn. */
    done(): void {
      if (shown) io.err('');
    },
  };
}
