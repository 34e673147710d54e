import { errorMessage, type GameState, parseGameText } from '../../src/index.ts';

/** Where the game in progress is kept, so a reload does not lose it. */
export const GAME_KEY = 'death-spiral-game';
/** Where a game replaced by an import is kept, so it can be brought back. */
export const PREVIOUS_GAME_KEY = 'death-spiral-game-previous';

/** A stored game read back: the game, or why it could not be read (the stored text is left alone). */
export interface StoredGame {
  game: GameState | null;
  problem: string | null;
}

/** Reads a stored game; a damaged one is reported, never thrown away. */
export function loadGame(key = GAME_KEY): StoredGame {
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    return {
      game: null,
      problem: 'This browser does not allow saving here, so the game will not survive a reload.',
    };
  }
  if (text === null) return { game: null, problem: null };
  try {
    return { game: parseGameText(text, 'saved game'), problem: null };
  } catch (error) {
    const reason = errorMessage(error);
    return {
      game: null,
      problem: `The saved game could not be read (${reason}). It is still stored; download it below or start a new game.`,
    };
  }
}

/** The stored text of a game, as it is (for downloading a damaged save). */
export function storedText(key = GAME_KEY): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a game (or removes it); returns a problem when the browser refuses. */
export function saveGame(game: GameState | null, key = GAME_KEY): string | null {
  try {
    if (game) window.localStorage.setItem(key, JSON.stringify(game));
    else window.localStorage.removeItem(key);
    return null;
  } catch (error) {
    return `The game could not be saved in this browser (${String(error)}); export it to keep it.`;
  }
}

/**
 * Keeps what is stored as the game in progress, exactly as stored and whether it reads or not, as
 * the earlier game: called before anything replaces it, so a damaged save is never overwritten.
 */
export function keepCurrentAsEarlier(): string | null {
  const text = storedText(GAME_KEY);
  if (text === null) return null;
  try {
    window.localStorage.setItem(PREVIOUS_GAME_KEY, text);
    return null;
  } catch (error) {
    return `The game you had could not be kept as the earlier game (${String(error)}); export it first.`;
  }
}
