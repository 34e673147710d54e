/** What a key press means in the story and in presenter mode. */
export type StoryKeyAction = 'next' | 'previous' | 'first' | 'last' | 'blank' | 'exit';

/**
 * Maps a key to a story action. Presentation clickers send Page Down / Page Up (some send the
 * arrow keys, and "." or "b" for their black-screen button), so all of those work.
 */
export function storyKeyAction(key: string, shiftKey = false): StoryKeyAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'Enter':
      return 'next';
    case ' ':
      return shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '.':
    case 'b':
    case 'B':
      return 'blank';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/** True when a key press belongs to a control (a slider, a field, a button) and must not turn the page. */
export function isControlTarget(path: readonly EventTarget[]): boolean {
  const target = path[0];
  if (!(target instanceof Element)) return false;
  const tag = target.tagName.toUpperCase();
  return (
    ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(tag) ||
    (target instanceof HTMLElement && target.isContentEditable) ||
    ['button', 'slider', 'link', 'img'].includes(target.getAttribute('role') ?? '') ||
    target.closest('[role="button"]') !== null
  );
}
