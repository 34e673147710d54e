import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../inputs/errors.ts';

/** Largest file the command line reads (a scenario, a history), in bytes. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Reads a text file named by a flag, refusing what cannot be a scenario or history before it
 * fills memory: a folder, a file past the size limit, or an endless device such as /dev/zero
 * (read in chunks, stopping one byte past the limit).
 */
export function readInputFile(path: string, flag: string, what: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(flag, path, `allowed: a readable ${what} (${code})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(flag, path, `allowed: a ${what}, not a folder`);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_INPUT_BYTES)
        throw new InputError(
          flag,
          path,
          `allowed: a ${what} of at most ${MAX_INPUT_BYTES / 1024 / 1024} MB; this one is larger`,
        );
      chunks.push(Buffer.from(chunk.subarray(0, read)));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(flag, path, `allowed: a readable ${what} (${code})`);
  } finally {
    closeSync(fd);
  }
}
