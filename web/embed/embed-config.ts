import { InputError, PARAM_BY_ID, PARAMS, requirePreset, suggestNearest } from '../../src/index.ts';
import { CHART_IDS, type ChartId } from '../charts/chart-specs.ts';
import { scenarioFromFileText, scenarioFromPreset, type UiScenario } from '../state/ui-scenario.ts';

/** Charts the element shows when its `charts` attribute is absent. */
export const DEFAULT_EMBED_CHARTS: readonly ChartId[] = ['wip', 'deploymentSize'];

/** Chart heights the element accepts, in CSS pixels. */
export const EMBED_HEIGHT = { min: 80, max: 800, default: 200 } as const;

function listAttribute(raw: string | null): string[] {
  return (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The parameter controls an element shows: none, all, or a list of parameter ids. */
export function parseControls(raw: string | null): string[] {
  const ids = listAttribute(raw);
  if (ids.length === 0 || (ids.length === 1 && ids[0] === 'none')) return [];
  if (ids.length === 1 && ids[0] === 'all') return PARAMS.map((p) => p.id);
  for (const id of ids) {
    if (!PARAM_BY_ID.has(id)) {
      throw new InputError(
        'controls',
        id,
        `allowed: none, all, or parameter ids separated by commas${suggestNearest(
          id,
          PARAMS.map((p) => p.id),
        )}`,
      );
    }
  }
  return ids;
}

/** The charts an element shows, by chart id. */
export function parseCharts(raw: string | null): ChartId[] {
  const ids = listAttribute(raw);
  if (ids.length === 0) return [...DEFAULT_EMBED_CHARTS];
  for (const id of ids) {
    if (!(CHART_IDS as readonly string[]).includes(id)) {
      throw new InputError(
        'charts',
        id,
        `allowed: ${CHART_IDS.join(', ')}${suggestNearest(id, CHART_IDS)}`,
      );
    }
  }
  return ids as ChartId[];
}

/** A chart height from the `height` attribute. */
export function parseHeight(raw: string | null): number {
  if (raw === null || raw.trim() === '') return EMBED_HEIGHT.default;
  const value = Number(raw.replace(/px$/, ''));
  if (!Number.isFinite(value) || value < EMBED_HEIGHT.min || value > EMBED_HEIGHT.max) {
    throw new InputError(
      'height',
      raw,
      `allowed: a number of pixels from ${EMBED_HEIGHT.min} to ${EMBED_HEIGHT.max}`,
    );
  }
  return Math.round(value);
}

/** The scenario a preset id names. */
export function scenarioOfPreset(raw: string | null): UiScenario {
  return scenarioFromPreset(requirePreset(raw ?? 'medium', 'preset'));
}

/** A scenario from scenario-file text (the command line's and the app's format), run once. */
export function scenarioOfText(text: string, source: string): UiScenario {
  return { ...scenarioFromFileText(text, source), runs: 1 };
}
