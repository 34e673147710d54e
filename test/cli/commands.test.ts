import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_HISTORY_CSV } from '../../src/history/history-file.ts';
import { itRefuses, run } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'death-spiral-commands-'));

describe('analysis commands', () => {
  it('sweep: a small phase map as a grid, JSON and CSV', async () => {
    const args = [
      'sweep',
      '--preset',
      'spiral',
      '--days',
      '300',
      '--param',
      'regressionPassDays=1:7:3',
      '--param',
      'releaseIntervalDays=5:15:2',
      '--seeds',
      '2',
      '--workers',
      '1',
    ];
    const table = await run(...args);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Phase map');
    const csv = join(dir, 'sweep.csv');
    const json = await run(...args, '--json', '--csv', csv);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.cells).toHaveLength(6);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(7);
  }, 60000);

  it('tipping, resilience, economics, sensitivity and constraints print readable answers and JSON', async () => {
    const tipping = await run(
      'tipping',
      '--preset',
      'spiral',
      '--param',
      'regressionPassDays',
      '--range',
      '1:6',
      '--seeds',
      '4',
      '--json',
    );
    expect(JSON.parse(tipping.stdout).critical.spiralsWhen).toBe('above');
    expect((await run('resilience', '--preset', 'elite')).stdout).toContain('recovers with ease');
    expect(
      (await run('economics', '--preset', 'medium', '--range', '2:20', '--steps', '10')).stdout,
    ).toContain('Closed form');
    const sensitivity = await run(
      'sensitivity',
      '--preset',
      'medium',
      '--metric',
      'leadTimeDays',
      '--json',
    );
    expect(JSON.parse(sensitivity.stdout).bars.length).toBeGreaterThan(10);
    expect((await run('constraints', '--preset', 'low')).stdout).toContain('the constraint');
  }, 60000);

  it('calibrate: from a history file to a fitted scenario that runs', async () => {
    const history = join(dir, 'history.csv');
    writeFileSync(history, EXAMPLE_HISTORY_CSV);
    const result = await run('calibrate', '--team', '9', '--history', history, '--json');
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.fit.length).toBeGreaterThanOrEqual(3);
    const scenario = join(dir, 'fitted.json');
    writeFileSync(scenario, JSON.stringify(parsed.scenario));
    expect((await run('--scenario', scenario, '--json')).status).toBe(0);
  }, 60000);

  const bad: [string, string[], string][] = [
    ['unknown command', ['swep'], 'sweep'],
    ['inverted range', ['sweep', '--param', 'teamSize=10:5:3'], 'range'],
    ['zero-size grid', ['sweep', '--param', 'teamSize=1:5:0'], 'steps'],
    ['malformed axis', ['sweep', '--param', 'teamSize'], '--param'],
    ['flag of another command', ['economics', '--seeds', '3'], '--seeds'],
    ['bad metric', ['sensitivity', '--metric', 'speed'], '--metric'],
    ['non-numeric tipping param', ['tipping', '--param', 'releasePolicy'], '--param'],
    ['empty history', ['calibrate', '--history', '/dev/null'], 'empty'],
    ['missing history', ['calibrate', '--history', '/no/such.csv'], '--history'],
    ['no targets', ['calibrate', '--team', '4'], 'at least one'],
  ];
  itRefuses(bad);
});
