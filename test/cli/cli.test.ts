import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/index.ts';
import { itRefuses, run } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'death-spiral-cli-'));

describe('command line', async () => {
  it('prints a JSON summary with the contract keys and percentiles over runs', async () => {
    const result = await run('--preset', 'low', '--runs', '5', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const key of [
      'deploymentsPerWeek',
      'leadTimeDays',
      'changeFailureRate',
      'timeToRestoreHours',
      'meanWipLines',
      'meanDeploymentSizeLines',
      'throughputLinesPerDay',
      'escapedDefectShare',
      'newWorkShare',
      'costPerDay',
      'doraLevel',
    ]) {
      expect(json.summary).toHaveProperty(key);
    }
    expect(json.summary.doraLevel).toBe('low');
    expect(json.percentiles.leadTimeDays.p10).toBeLessThanOrEqual(
      json.percentiles.leadTimeDays.p90,
    );
  });

  it("a command's --help gives that command's usage and flags, not the whole help", async () => {
    const sweep = await run('sweep', '--help');
    expect(sweep.status).toBe(0);
    expect(sweep.stdout).toMatch(/^death-spiral sweep: /);
    expect(sweep.stdout).toContain('Its own flags: --param, --seeds, --slip, --workers');
    expect(sweep.stdout).not.toContain('Analysis commands');
    const all = await run('--help');
    expect(all.stdout).toContain('Analysis commands');
  });

  it('is reproducible for a seed and differs across seeds', async () => {
    const a = await run('--preset', 'medium', '--seed', '9', '--json');
    const b = await run('--preset', 'medium', '--seed', '9', '--json');
    const c = await run('--preset', 'medium', '--seed', '10', '--json');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('prints a readable table with the DORA levels and a timeline', async () => {
    const result = await run('--preset', 'recovery');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Deployment frequency');
    expect(result.stdout).toContain('Over time');
  });

  it('reads scenario files, applies --set, and writes CSV series', async () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        preset: 'high',
        params: { teamSize: 12 },
        days: 100,
        interventions: [{ type: 'removeApprovals', day: 50 }],
      }),
    );
    const csv = join(dir, 'series.csv');
    const result = await run(
      '--scenario',
      file,
      '--set',
      'releaseIntervalDays=4',
      '--csv',
      csv,
      '--json',
    );
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.scenario.params).toEqual({ teamSize: 12, releaseIntervalDays: 4 });
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0].split(',')[0]).toBe('day');
  });

  it('lists parameters, presets and the schema', async () => {
    expect((await run('--list-params')).stdout.split('\n')).toHaveLength(PARAMS.length);
    expect((await run('--list-presets')).stdout).toContain('elite');
    expect(
      JSON.parse((await run('--schema')).stdout).properties.params.properties.teamSize.maximum,
    ).toBe(500);
    expect((await run('--help')).stdout).toContain('Examples');
  });

  const bad: [string, string[], string][] = [
    ['unknown flag', ['--preset', 'low', '--sedd', '3'], '--seed'],
    ['unknown preset', ['--preset', 'lo'], 'preset'],
    ['unknown parameter', ['--set', 'teamSise=3'], 'teamSize'],
    ['below min', ['--set', 'teamSize=-1'], 'teamSize'],
    ['above max', ['--set', 'failureShare=2'], 'failureShare'],
    ['not a number', ['--set', 'teamSize=lots'], 'teamSize'],
    ['NaN', ['--set', 'defectsPerKloc=NaN'], 'defectsPerKloc'],
    ['Infinity', ['--set', 'defectsPerKloc=Infinity'], 'defectsPerKloc'],
    ['bad boolean', ['--set', 'rollbackAvailable=maybe'], 'rollbackAvailable'],
    ['bad days', ['--days', '0'], '--days'],
    ['bad runs', ['--runs', 'x'], '--runs'],
    ['missing value', ['--preset'], '--preset'],
    ['missing file', ['--scenario', '/no/such/file.json'], '--scenario'],
    ['an endless file', ['--scenario', '/dev/zero'], '--scenario'],
    ['a folder', ['--scenario', '/tmp'], '--scenario'],
    ['hexadecimal', ['--runs', '0x2'], '--runs'],
    ['exponent for a whole number', ['--days', '1e3'], '--days'],
    ['binary parameter', ['--set', 'teamSize=0b11'], 'teamSize'],
    ['spaces around a number', ['--runs', ' 52 '], '--runs'],
    ['text seed', ['--seed', 'abc'], '--seed'],
    ['empty CSV path', ['--csv', ''], '--csv'],
    ['empty range', ['tipping', '--range', ''], '--range'],
    ['range without a parameter', ['tipping', '--range', '0:1'], '--range'],
    [
      'an intervention after a shortened run',
      ['--preset', 'spiral', '--days', '50'],
      'interventions[0].day',
    ],
    [
      'a run past the work budget',
      ['--runs', '100000', '--days', '10400', '--csv', join(dir, 'huge.csv')],
      '--over-budget',
    ],
    [
      'a sweep past the work budget',
      [
        'sweep',
        '--param',
        'releaseIntervalDays=1:20:100',
        '--param',
        'regressionPassDays=1:10:100',
        '--seeds',
        '1000',
      ],
      '--over-budget',
    ],
  ];
  itRefuses(bad);

  it('a run past the budget is refused at once, before anything is allocated or written', async () => {
    const csv = join(dir, 'never.csv');
    const started = Date.now();
    const result = await run('--runs', '100000', '--days', '10400', '--csv', csv);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.stderr).toMatch(/about 1\.\d\d GB of memory and 4\d minutes/);
    expect(() => readFileSync(csv)).toThrow();
  });

  it('reads a scenario file with a byte-order mark, and will not overwrite it with the CSV', async () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ preset: 'low', days: 60 })}`);
    expect((await run('--scenario', file, '--json')).status).toBe(0);
    const clash = await run('--scenario', file, '--csv', file);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('--csv');
    expect(readFileSync(file, 'utf8')).toContain('"preset":"low"');
  });

  it('a sweep asked for more workers than the machine has cores uses the cores and says so', async () => {
    const result = await run(
      'sweep',
      '--preset',
      'spiral',
      '--param',
      'releaseIntervalDays=4:8:2',
      '--seeds',
      '1',
      '--days',
      '200',
      '--workers',
      // One more than the machine has, within what the flag allows.
      String(Math.min(64, availableParallelism() + 1)),
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/--workers \d+: this machine has \d+ cores, so \d+ work/);
  });

  it('an intervention on the last day or after it is refused with that day and the last day', async () => {
    const file = join(dir, 'late.json');
    writeFileSync(
      file,
      JSON.stringify({ days: 60, interventions: [{ type: 'removeApprovals', day: 60 }] }),
    );
    const result = await run('--scenario', file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'interventions[0].day: 60 is not allowed; allowed: a day from 0 to 59',
    );
  });

  it('bad scenario files: empty, malformed and with unknown keys', async () => {
    for (const [text, hint] of [
      ['', 'empty'],
      ['{"preset":', 'JSON'],
      ['{"presets":"low"}', 'preset'],
    ]) {
      const file = join(dir, `bad-${hint}.json`);
      writeFileSync(file, text);
      const result = await run('--scenario', file);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(hint);
    }
  });
});
