/** Shortens an array in place after a compaction; setting length only when it changes, which is costly in V8. */
export function truncate(array: unknown[], length: number): void {
  if (array.length !== length) array.length = length;
}
