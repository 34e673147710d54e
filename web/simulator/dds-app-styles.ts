import { css } from 'lit';

/** The simulator screen's layout: header, parameter column, charts, presenter stage, blank screen. */
export const appStyles = css`
    :host { display: block; min-height: 100vh; color: #1b1f24; }
    header { display: flex; flex-wrap: wrap; gap: 0.4rem 0.8rem; align-items: center; padding: 0.35rem 0.75rem; background: #14213d; color: #fff; }
    h1 { font-size: 1.05rem; margin: 0 0.5rem 0 0; }
    .summary { margin: 0; font-size: 0.9rem; }
    header label { font-size: 0.85rem; }
    header select, header input, header button, .file-label { font: inherit; font-size: 0.85rem; }
    header button, .file-label { background: #fff; color: #14213d; border: 1px solid #fff; border-radius: 4px; padding: 0.2rem 0.6rem; cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible, .file-label:focus-within { outline: 3px solid #ffbf47; outline-offset: 2px; }
    .layout { display: grid; grid-template-columns: minmax(240px, 280px) 1fr; gap: 0.6rem; padding: 0.6rem; }
    aside { max-height: calc(100vh - 4rem); overflow-y: auto; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.3rem 0.7rem; position: sticky; top: 0.5rem; }
    main { min-width: 0; display: grid; gap: 0.6rem; align-content: start; }
    .top { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0.75rem; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 0.75rem; }
    /* Charts off screen skip style, layout and paint until they scroll near (their size is kept). */
    .charts dds-time-chart { content-visibility: auto; contain-intrinsic-size: auto 420px; }
    .message { background: #fff4e5; border: 1px solid #b54708; color: #7a2e0e; border-radius: 6px; padding: 0.5rem 0.8rem; display: flex; justify-content: space-between; gap: 1rem; }
    .message button { font: inherit; }
    .status { font-size: 0.8rem; color: #d1d5db; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .layout.wide { grid-template-columns: 1fr; }
    .stage { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0.6rem; align-items: start; }
    :host([presenting]) .layout { padding: 0.4rem; gap: 0.4rem; }
    :host([presenting]) main { gap: 0.4rem; }
    .charts dds-time-chart[data-highlighted], .stage dds-time-chart[data-highlighted] { outline: 4px solid #ffbf47; outline-offset: 2px; }
    main.game { padding: 0.6rem; }
    .briefing-page { max-width: 180mm; margin: 0 auto; padding: 6mm; background: #fff; }
    @media print { .briefing-page { padding: 0; max-width: none; } .screen-only { display: none; } }
    .blank { position: fixed; inset: 0; background: #000; z-index: 1000; cursor: none; }
    @media (max-width: 1100px) { .layout { grid-template-columns: 250px 1fr; } .charts { grid-template-columns: 1fr; } }
    /* Phones and narrow windows: one column, the parameters after the figures they change. */
    @media (max-width: 700px) {
      .layout, .layout.wide { grid-template-columns: minmax(0, 1fr); padding: 0.4rem; }
      .layout aside { order: 2; position: static; max-height: none; }
      .charts, .top, .stage { grid-template-columns: minmax(0, 1fr); }
      header { padding: 0.35rem 0.5rem; }
    }
  `;
