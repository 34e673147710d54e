#!/usr/bin/env node
// The `death-spiral` command: runs the command line on this process's arguments and streams.
import { runCli } from './main.ts';

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
/** A status line redrawn in place: back to the line's start, the text, the rest of the line cleared. */
const status = (text: string) => process.stderr.write(`\r${text}\x1b[K`);
process.exitCode = await runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(`${text}\n`),
  (text) => process.stderr.write(`${text}\n`),
  process.stderr.isTTY ? status : undefined,
);
