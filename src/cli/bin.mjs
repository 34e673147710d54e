#!/usr/bin/env node
// Entry point for the `death-spiral` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (| head) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(
  process.argv.slice(2),
  (text) => process.stdout.write(`${text}\n`),
  (text) => process.stderr.write(`${text}\n`),
);
