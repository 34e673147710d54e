import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.ts';
import { ANALYSES } from '../../web/whatif/analyses.ts';

describe('the what-if analyses table', () => {
  it('names, for every analysis on screen, a command of the command line that runs it', () => {
    for (const [id, { command }] of Object.entries(ANALYSES))
      expect(Object.keys(COMMANDS), `${id} names ${command}`).toContain(command);
  });
});
