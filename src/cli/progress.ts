import { durationText } from './budget.ts';

/** Seconds between progress lines when stderr is not a terminal (a log, a CI job). */
const LOG_INTERVAL_MS = 5000;

/**
 * Progress on stderr for a job that has run for about a second: a bar redrawn in place on a
 * terminal, otherwise a line every few seconds with the time left, so a log shows it too.
 */
export function createProgress(
  write: (text: string) => void,
  total: number,
  unit = 'runs',
  interactive = Boolean(process.stderr.isTTY),
) {
  const started = Date.now();
  let shown = false;
  let lastLine = 0;
  return {
    update(done: number): void {
      const now = Date.now();
      if (now - started < 1000) return;
      if (interactive) {
        shown = true;
        const width = 30;
        const filled = Math.round((done / total) * width);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${unit}`,
        );
        return;
      }
      if (now - lastLine < LOG_INTERVAL_MS || done === 0) return;
      lastLine = now;
      const left = ((now - started) / 1000) * ((total - done) / done);
      write(
        `${done}/${total} ${unit} (${Math.floor((100 * done) / total)}%), about ${durationText(left)} left`,
      );
    },
    done(): void {
      if (shown) write('');
    },
  };
}
