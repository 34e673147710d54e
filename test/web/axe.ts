import axe from 'axe-core';

/** Serious and critical accessibility violations inside `root` (shadow DOM included), as ids. */
export async function seriousViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { resultTypes: ['violations'] });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** Mounts an element in the page and waits for its first render. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  element: T,
): Promise<T> {
  document.body.append(element);
  await element.updateComplete;
  return element;
}
