import { describe, expect, it } from 'vitest';
import { resilience } from '../../src/analysis/resilience';
import { preset } from '../helpers';

describe('resilience', () => {
  it('classes the elite team as recovering with ease, the fragile one with extreme difficulty', () => {
    const elite = resilience(preset('elite'));
    expect(elite.resilience).toBe('ease');
    expect(elite.slipToleranceDays).toBe(60);
    const fragile = resilience(preset('spiral'));
    expect(fragile.resilience).toBe('extreme');
    expect(fragile.slip.outcome).toBe('spirals');
    expect(fragile.slipToleranceDays).toBeLessThan(15);
  });

  it('puts a medium team in between', () => {
    const medium = resilience(preset('medium'));
    expect(['moderate', 'ease']).toContain(medium.resilience);
    expect(medium.slip.outcome).not.toBe('spirals');
  });
});
