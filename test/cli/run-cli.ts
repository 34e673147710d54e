import { runCli } from '../../src/cli/main';

/** Runs the command line in-process and collects its exit status and output. */
export async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(
    argv,
    (t) => out.push(t),
    (t) => err.push(t),
  );
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}
