import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../src/index';
import { itRefuses, run } from './run-cli';

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
  ];
  itRefuses(bad);

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
