/** An input the engine refuses: names the field, the value given and what is allowed. */
export class InputError extends Error {
  /** The field (parameter id, scenario key or flag) that was wrong. */
  readonly field: string;

  constructor(field: string, value: unknown, allowed: string) {
    super(
      `${oneLine(field) || '(a name left empty)'}: ${describeValue(value)} is not allowed; ${allowed}`,
    );
    this.name = 'InputError';
    this.field = field;
  }
}

/** Longest echo of a user's text (a value, a key) in a message, in characters. */
const ECHO_CHARS = 80;

/** A user's text fit for one line of a message: control characters escaped, cut to a length. */
export function oneLine(text: string): string {
  const shown = text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
  return JSON.stringify(shown).slice(1, -1);
}

/** Renders a user-supplied value for an error message: short, on one line and unambiguous. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${oneLine(value)}"`;
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > ECHO_CHARS ? `${text.slice(0, ECHO_CHARS)}…` : text;
  } catch {
    // Too deep or circular to print.
    return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
  }
}

/** Levenshtein distance, used to suggest the nearest valid name for a misspelt one. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1;
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Names longer than this get no suggestion: no valid name is near, and comparing costs. */
const SUGGEST_MAX_CHARS = 64;

/** The candidate closest to `name`, phrased for an error message, or an empty string. */
export function suggestNearest(name: string, candidates: readonly string[]): string {
  if (name.length > SUGGEST_MAX_CHARS) return '';
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const closeEnough = bestDistance <= Math.max(2, Math.floor(name.length / 3));
  return closeEnough ? ` (did you mean "${best}"?)` : '';
}

/** What went wrong, in words, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
