import { toScenarioFile } from '../../src/index.ts';
import type { UiScenario } from '../state/ui-scenario.ts';
import { encodeScenario } from '../state/url-state.ts';
import { download } from './download.ts';

/** The file a file input was given, if any; the input is cleared so the same file can be chosen again. */
export function takeChosenFile(event: Event): File | null {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0] ?? null;
  input.value = '';
  return file;
}

/** Copies a link to the scenario to the clipboard; returns what to tell the user. */
export async function copyScenarioLink(scenario: UiScenario): Promise<string> {
  const link = `${window.location.origin}${window.location.pathname}?${encodeScenario(scenario)}`;
  try {
    await navigator.clipboard.writeText(link);
    return 'Link copied';
  } catch {
    return 'Copy the link from the address bar';
  }
}

/** Downloads the scenario as a file in the command line's format. */
export function saveScenarioFile(scenario: UiScenario): void {
  const file = toScenarioFile({ ...scenario, preset: scenario.preset });
  download(
    `death-spiral-${scenario.preset}.json`,
    `${JSON.stringify(file, null, 2)}\n`,
    'application/json',
  );
}
