import { errorMessage, InputError } from './errors.ts';

/** Deepest nesting of lists and objects any real scenario, game or history needs, with room to spare. */
export const MAX_JSON_DEPTH = 32;

/** Largest JSON text read from a file, a link or the browser's storage, in characters. */
export const MAX_JSON_CHARS = 8_000_000;

/**
 * How deeply `text` nests lists and objects, counted without parsing (strings skipped), stopping
 * as soon as it passes `limit`: a file of 100,000 `[` must be refused before anything recurses.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/**
 * Parses JSON from a user (a file, a link, stored state): a byte-order mark is dropped, and text
 * that is empty, too long, nested too deeply or not JSON is an InputError naming `field`.
 */
export function parseJsonInput(text: string, field: string, what = 'JSON'): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError(field, '', `allowed: ${what}; it is empty`);
  if (body.length > MAX_JSON_CHARS)
    throw new InputError(
      field,
      `${body.length.toLocaleString('en')} characters`,
      `allowed: at most ${MAX_JSON_CHARS.toLocaleString('en')} characters`,
    );
  const depth = nestingDepth(body, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH)
    throw new InputError(
      field,
      `lists or objects nested more than ${MAX_JSON_DEPTH} deep`,
      `allowed: at most ${MAX_JSON_DEPTH} levels of nesting`,
    );
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = errorMessage(error);
    throw new InputError(field, body.slice(0, 30), `allowed: valid JSON (${reason})`);
  }
}
