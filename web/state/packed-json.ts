import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { InputError } from '../../src/index.ts';

/** The longest JSON a packed link value may hold, in bytes: far more than any real scenario's interventions. */
const MAX_UNPACKED_BYTES = 1_000_000;

/**
 * JSON packed for a link: deflated and written in base64url, so a long list of interventions
 * stays a short address. Synchronous (fflate), because a link is read as the page starts.
 */
export function packJson(text: string): string {
  const bytes = deflateSync(strToU8(text), { level: 9 });
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The JSON text of a packed value; damaged or oversized input is an InputError naming `field`. */
export function unpackJson(packed: string, field: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(packed))
    throw new InputError(field, packed, 'allowed: a packed list of interventions (base64url)');
  let out: Uint8Array;
  try {
    const binary = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // A fixed output buffer bounds the work: a short link cannot inflate to gigabytes.
    out = inflateSync(bytes, { out: new Uint8Array(MAX_UNPACKED_BYTES + 1) });
  } catch {
    throw new InputError(field, packed, 'allowed: a packed list of interventions this app wrote');
  }
  if (out.length > MAX_UNPACKED_BYTES)
    throw new InputError(field, packed, `allowed: at most ${MAX_UNPACKED_BYTES} bytes unpacked`);
  return strFromU8(out);
}
