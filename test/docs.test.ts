import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatParams } from '../src/cli/format';

describe('README', () => {
  it('carries the parameter reference exactly as the table generates it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(formatParams(true));
  });

  it('shows the quick start and the test command', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
