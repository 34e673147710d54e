/** An input the engine refuses: names the field, the value given and what is allowed. */
export class InputError extends Error {
  /** The field (parameter id, scenario key or flag) that was wrong. */
  readonly field: string;

  constructor(field: string, value: unknown, allowed: string) {
    super(`${field}: ${describeValue(value)} is not allowed; ${allowed}`);
    this.name = 'InputError';
    this.field = field;
  }
}

/** Renders a user-supplied value for an error message, short and unambiguous. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  } catch {
    return String(value);
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

/** The candidate closest to `name`, phrased for an error message, or an empty string. */
export function suggestNearest(name: string, candidates: readonly string[]): string {
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
