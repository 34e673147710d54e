import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/cli/commands/flags.ts';

describe('CSV output', () => {
  it('quotes as CSV readers expect: labels with quotes, commas and line breaks read back as written', () => {
    const labels = ['say "hi"', 'a, b', 'two\nlines', 'plain'];
    const text = toCsv(['label', 'value'], [...labels.map((l, i) => [l, i + 0.5]), [null, 1 / 3]]);
    expect(csvParseRows(text.trimEnd())).toEqual([
      ['label', 'value'],
      ...labels.map((l, i) => [l, String(i + 0.5)]),
      ['', '0.33333333'],
    ]);
  });
});
