// The app's own events. Each element declares the events it fires beside itself, by merging them
// into `AppEvents` (as it adds itself to `HTMLElementTagNameMap`); `emit` fires them and listeners
// name them with `AppEvent`, so a payload's shape is written once, where it is fired.

declare global {
  /** Every event the app's elements fire, by name, with what its `detail` carries (`null`: nothing). */
  interface AppEvents {}
  interface HTMLElementEventMap extends AppEventMap {}
}

type AppEventMap = { [Name in keyof AppEvents]: AppEvent<Name> };

/** An app event as its listener receives it. */
export type AppEvent<Name extends keyof AppEvents> = CustomEvent<AppEvents[Name]>;

/** Fires an app event from `element`; like every app event it bubbles out of shadow roots. */
export function emit<Name extends keyof AppEvents>(
  element: EventTarget,
  name: Name,
  ...detail: AppEvents[Name] extends null ? [] : [AppEvents[Name]]
): void {
  element.dispatchEvent(
    new CustomEvent(name, { detail: detail[0] ?? null, bubbles: true, composed: true }),
  );
}
