import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in `cwd` as a user's shell would, with the app built as it ships. */
function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('the package, packed and installed as a user installs it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'death-spiral-package-'));
  const project = join(folder, 'project');
  const bin = join(project, 'node_modules', '.bin', 'death-spiral');

  beforeAll(() => {
    // `npm pack` builds first (prepack), as a publish would.
    run(npm, ['pack', '--pack-destination', folder, '--silent'], root);
    const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'))!;
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), '{ "private": true, "type": "module" }\n');
    // The dependencies come from npm's cache, which `npm ci` filled. Install scripts are skipped:
    // the only one is SQLite's native build (a minute and a half), which only `workshop` loads.
    run(
      npm,
      [
        'install',
        join(folder, tarball),
        '--prefer-offline',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
      ],
      project,
    );
  }, 240_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('passes publint and arethetypeswrong on the packed tarball', () => {
    const tarball = join(folder, readdirSync(folder).find((name) => name.endsWith('.tgz'))!);
    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    expect(run(bin('publint'), ['run', tarball, '--strict'], root)).toContain('All good');
    // Both the engine and the element resolve to types for ESM consumers on Node and bundlers.
    run(bin('attw'), [tarball, '--profile', 'esm-only'], root);
  });

  it('runs the death-spiral command with no TypeScript loader', () => {
    const printed = JSON.parse(run(bin, ['--preset', 'low', '--json'], project));
    expect(printed.summary.doraLevel).toBe('low');
    expect(run(bin, ['sweep', '--help'], project)).toContain('Usage: death-spiral sweep');
  });

  it('runs a sweep on the bundled worker threads', () => {
    const printed = JSON.parse(
      run(
        bin,
        [
          'sweep',
          '--preset',
          'medium',
          '--param',
          'releaseIntervalDays=5:20:2',
          '--seeds',
          '2',
        ].concat(['--workers', '2', '--json']),
        project,
      ),
    );
    expect(printed.cells.map((cell: { values: number[] }) => cell.values)).toEqual([[5], [20]]);
  });

  it('gives scripts the engine: import { simulate } from the package', () => {
    writeFileSync(
      join(project, 'run.js'),
      `import { findPreset, presetParams, simulate } from 'deployment-death-spiral';
const result = simulate(presetParams(findPreset('elite')), { days: 260, seed: 3 });
console.log(JSON.stringify({ level: result.summary.doraLevel, days: result.days }));\n`,
    );
    expect(JSON.parse(run(process.execPath, ['run.js'], project))).toEqual({
      level: 'elite',
      days: 260,
    });
  });

  it('types the engine and the element for a TypeScript project on Node resolution', () => {
    writeFileSync(
      join(project, 'typed.ts'),
      `import { simulate, type Summary } from 'deployment-death-spiral';
import type {} from 'deployment-death-spiral/element';
const summary: Summary = simulate({} as never).summary;
const element = document.createElement('death-spiral-sim');
element.preset = 'low';
element.addEventListener('death-spiral-run', (event) => console.log(event.detail.summary.doraLevel, summary));
// @ts-expect-error: a preset is a string, not a number
element.preset = 3;\n`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022', 'dom'],
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    expect(run(tsc, ['-p', project], project)).toBe('');
  });
});
