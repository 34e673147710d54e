import { GAME_SHOCKS, type GameShock } from '../game/game.ts';
import { InputError } from '../inputs/errors.ts';

/** The largest message a client may send, in bytes: a decision is about 150. */
export const MAX_MESSAGE_BYTES = 4096;

/** A message a browser sends to the workshop server. */
export type ClientMessage =
  | { type: 'join'; code: string; name: string }
  | { type: 'rejoin'; code: string; token: string }
  | { type: 'watch'; code: string }
  | { type: 'facilitate'; key: string; code?: string }
  | { type: 'create'; setup: unknown }
  | { type: 'decide'; decision: unknown }
  | { type: 'start' | 'run' | 'reveal' | 'next' }
  | { type: 'pause'; paused: boolean }
  | { type: 'shock'; shock: GameShock | null }
  | { type: 'timer'; seconds: number | null }
  | { type: 'rename'; team: number; name: string }
  | { type: 'remove'; team: number };

/** A field's check and, for the error, what it allows. */
type Field = [check: (value: unknown) => boolean, allowed: string];

const CODE: Field = [isCode, 'a join code of letters and digits'];
const NAME: Field = [(v) => typeof v === 'string', 'a name'];
const TEAM: Field = [Number.isInteger, 'a team number'];
const OBJECT: Field = [
  (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  'an object',
];

/** The fields each message type carries, and what each must be. */
const SHAPES: Record<ClientMessage['type'], Record<string, Field>> = {
  join: { code: CODE, name: NAME },
  rejoin: {
    code: CODE,
    token: [(v) => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v), 'a team token'],
  },
  watch: { code: CODE },
  facilitate: {
    key: [(v) => typeof v === 'string', 'the facilitator key'],
    code: [(v) => v === undefined || isCode(v), 'a join code, or none'],
  },
  create: { setup: OBJECT },
  decide: { decision: OBJECT },
  start: {},
  run: {},
  reveal: {},
  next: {},
  pause: { paused: [(v) => typeof v === 'boolean', 'true or false'] },
  shock: {
    shock: [
      (v) => v === null || GAME_SHOCKS.includes(v as GameShock),
      `none or one of ${GAME_SHOCKS.join(', ')}`,
    ],
  },
  timer: { seconds: [(v) => v === null || typeof v === 'number', 'a number of seconds, or none'] },
  rename: { team: TEAM, name: NAME },
  remove: { team: TEAM },
};

/** The characters of a join code: no 0/O, 1/I/L, so it reads aloud and types on a phone. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters in a join code. */
export const JOIN_CODE_LENGTH = 5;

function isCode(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length === JOIN_CODE_LENGTH &&
    [...value].every((c) => JOIN_CODE_ALPHABET.includes(c))
  );
}

/** A join code typed by a person: upper case, spaces and dashes dropped. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Reads one message from a client, or throws an InputError naming what is wrong: too long, not
 * JSON, an unknown type, or a field missing or of the wrong kind. Unknown fields are refused.
 */
export function parseClientMessage(text: string): ClientMessage {
  if (text.length > MAX_MESSAGE_BYTES)
    throw new InputError(
      'message',
      `${text.length} characters`,
      `allowed: up to ${MAX_MESSAGE_BYTES}`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError('message', text.slice(0, 40), 'allowed: a JSON object');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new InputError('message', raw, 'allowed: a JSON object with a type');
  const record = raw as Record<string, unknown>;
  const type = record.type as ClientMessage['type'];
  const shape = Object.hasOwn(SHAPES, String(type)) ? SHAPES[type] : undefined;
  if (!shape)
    throw new InputError('type', record.type, `allowed: one of ${Object.keys(SHAPES).join(', ')}`);
  for (const key of Object.keys(record))
    if (key !== 'type' && !Object.hasOwn(shape, key))
      throw new InputError(key, record[key], `not a field of a ${type} message`);
  for (const [key, [valid, allowed]] of Object.entries(shape))
    if (!valid(record[key])) throw new InputError(key, record[key], `allowed: ${allowed}`);
  return record as ClientMessage;
}
