/** A progress bar on stderr that appears only when a job has run for about a second on a terminal. */
export function createProgress(write: (text: string) => void, total: number) {
  const started = Date.now();
  const interactive = Boolean(process.stderr.isTTY);
  let shown = false;
  return {
    update(done: number): void {
      if (!interactive || Date.now() - started < 1000) return;
      shown = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stderr.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`,
      );
    },
    done(): void {
      if (shown) write('');
    },
  };
}
