import type { ParamId, Params, Summary } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';

/** The scenario `<death-spiral-sim>` ran: what was chosen, never what came out. */
export type DeathSpiralSimScenario = UiScenario;

/** What each of `<death-spiral-sim>`'s events carries in `detail`, by event name. */
export interface DeathSpiralSimEvents {
  /** A run finished. */
  'death-spiral-run': { summary: Summary; scenario: DeathSpiralSimScenario };
  /** A control moved. */
  'death-spiral-change': { id: ParamId; value: number | boolean | string };
  /** An attribute or a control was refused; the last good run stays. */
  'death-spiral-error': { field: string; message: string };
}

/** `<death-spiral-sim>` as a page script sees it: its attributes as properties, its run and its figures. */
export interface DeathSpiralSimElement extends HTMLElement {
  /** A preset team id (default medium). */
  preset: string | null;
  /** A scenario file's address, or its JSON; wins over `preset`. */
  scenario: string | null;
  /** Parameter ids to offer as controls, separated by commas; `all` or `none` (the default). */
  controls: string | null;
  /** Chart ids to show, separated by commas. */
  charts: string | null;
  /** Chart height in pixels, 80 to 800. */
  height: string | null;
  /** The parameters of the scenario shown (a copy), or null before it loads. */
  readonly params: Params | null;
  /** The summary of the last run, or null before the first. */
  readonly summary: Summary | null;
  /** Runs the scenario shown again; changes made together run once. */
  run(): void;
}

type DeathSpiralSimEventMap = {
  [Name in keyof DeathSpiralSimEvents]: CustomEvent<DeathSpiralSimEvents[Name]>;
};

declare global {
  interface HTMLElementTagNameMap {
    'death-spiral-sim': DeathSpiralSimElement;
  }
  interface HTMLElementEventMap extends DeathSpiralSimEventMap {}
}
