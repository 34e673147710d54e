/**
 * Defines a custom element unless the page already has one of that name: the embeddable script
 * may load twice, or on a page of the app itself, and a second definition would throw.
 */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
