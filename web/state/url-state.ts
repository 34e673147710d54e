import {
  DEFAULT_DAYS,
  findPreset,
  InputError,
  type Intervention,
  MAX_DAYS,
  MAX_INTERVENTIONS,
  MAX_SEED,
  PARAM_BY_ID,
  parseIntervention,
  parseJsonInput,
  parseParamText,
  parseWholeText,
  presetParams,
  requirePreset,
} from '../../src/index.ts';
import { packJson, unpackJson } from './packed-json.ts';
import { MAX_UI_RUNS, scenarioFromPreset, type UiScenario } from './ui-scenario.ts';

/** Version of the URL format; bumped when a key changes meaning. */
export const URL_VERSION = 1;

const RUN_KEYS = ['v', 'preset', 'days', 'seed', 'runs', 'mode', 'iv', 'ivz'] as const;

/** Interventions longer than this as JSON go into the link packed (`ivz`) rather than as they are. */
const PACK_ABOVE_CHARS = 1500;

/** Keys of the screen shown (not of the scenario), read by the app itself. */
export const VIEW_KEYS = ['view', 'analysis', 'story', 'present', 'show'] as const;

/** Prefix of the what-if form fields kept in the URL. */
export const WHATIF_PREFIX = 'w_';

/**
 * Encodes a scenario's inputs as URL search parameters: named keys, values that equal the
 * preset's left out, and a version so old links can be read later.
 */
export function encodeScenario(scenario: UiScenario): string {
  const query = new URLSearchParams();
  query.set('v', String(URL_VERSION));
  query.set('preset', scenario.preset);
  const preset = findPreset(scenario.preset);
  const base = preset ? presetParams(preset) : null;
  for (const [id, value] of Object.entries(scenario.params)) {
    if (!base || base[id as keyof typeof base] !== value) query.set(id, String(value));
  }
  const presetDays = preset?.days ?? DEFAULT_DAYS;
  if (scenario.days !== presetDays) query.set('days', String(scenario.days));
  if (scenario.seed !== 1) query.set('seed', String(scenario.seed));
  if (scenario.runs !== 1) query.set('runs', String(scenario.runs));
  if (scenario.mode !== 'stochastic') query.set('mode', scenario.mode);
  const presetInterventions = JSON.stringify(preset?.interventions ?? []);
  const interventions = JSON.stringify(scenario.interventions);
  if (interventions !== presetInterventions) {
    // A long list is packed, so a link to any scenario a file may hold stays short.
    if (interventions.length > PACK_ABOVE_CHARS) query.set('ivz', packJson(interventions));
    else query.set('iv', interventions);
  }
  return query.toString();
}

/**
 * Reads a scenario back from URL search parameters. Anything malformed or tampered with is an
 * InputError naming the key; the caller keeps its last good scenario.
 */
export function decodeScenario(search: string): UiScenario {
  const query = new URLSearchParams(search);
  const version = query.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    throw new InputError(
      'v',
      version,
      `allowed: ${URL_VERSION} (this link is from another version)`,
    );
  }
  const scenario = scenarioFromPreset(requirePreset(query.get('preset') ?? 'medium', 'preset'));
  for (const [key, text] of query) {
    if (
      (RUN_KEYS as readonly string[]).includes(key) ||
      (VIEW_KEYS as readonly string[]).includes(key) ||
      key.startsWith(WHATIF_PREFIX)
    )
      continue;
    const spec = PARAM_BY_ID.get(key);
    if (!spec) throw new InputError(key, text, 'not a parameter or setting of this simulator');
    scenario.params = { ...scenario.params, [key]: parseParamText(spec, text, key) };
  }
  const days = query.get('days');
  if (days !== null) scenario.days = parseWholeText(days, 'days', 1, MAX_DAYS);
  const seed = query.get('seed');
  if (seed !== null) scenario.seed = parseWholeText(seed, 'seed', 0, MAX_SEED);
  const runs = query.get('runs');
  if (runs !== null) scenario.runs = parseWholeText(runs, 'runs', 1, MAX_UI_RUNS);
  const mode = query.get('mode');
  if (mode !== null) {
    if (mode !== 'stochastic' && mode !== 'expected')
      throw new InputError('mode', mode, 'allowed: stochastic or expected');
    scenario.mode = mode;
  }
  const packed = query.get('ivz');
  if (packed !== null && query.has('iv'))
    throw new InputError('ivz', packed, 'allowed: iv or ivz, not both');
  const interventions = packed === null ? query.get('iv') : unpackJson(packed, 'ivz');
  if (interventions !== null) {
    const field = packed === null ? 'iv' : 'ivz';
    const raw = parseJsonInput(interventions, field, 'a JSON list of interventions');
    if (!Array.isArray(raw))
      throw new InputError(field, interventions, 'allowed: a JSON list of interventions');
    if (raw.length > MAX_INTERVENTIONS)
      throw new InputError(
        field,
        `${raw.length} interventions`,
        `allowed: at most ${MAX_INTERVENTIONS}`,
      );
    scenario.interventions = raw.map(
      (item, index): Intervention => parseIntervention(item, `${field}[${index}]`, scenario.days),
    );
  }
  return scenario;
}
