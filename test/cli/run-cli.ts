import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

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

/** One test per case: exit status 2, nothing on stdout, one line on stderr naming the field. */
export function itRefuses(cases: readonly [string, string[], string][]): void {
  for (const [name, argv, field] of cases) {
    it(`bad input (${name}): exit 2, nothing on stdout, one line naming ${field}`, async () => {
      const result = await run(...argv);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(field);
    });
  }
}
