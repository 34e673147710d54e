import { css } from 'lit';

/** The game screen's look: its sections, forms, scoreboard tables and messages, on a phone too. */
export const gameStyles = css`
    /* min-width 0: as a grid or flex item the screen keeps to its column, however wide a table. */
    :host { display: block; min-width: 0; }
    /* Wide tables scroll in their own box on a phone; the page never scrolls sideways. */
    .scroll { overflow-x: auto; max-width: 100%; }
    .scroll:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    section { background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.7rem 0.9rem; margin-bottom: 0.7rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
    h3 { font-size: 1rem; margin: 0.6rem 0 0.3rem; }
    form, .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
    label { display: grid; gap: 0.15rem; font-size: 0.85rem; font-weight: 600; }
    input, select, button { font: inherit; font-size: 0.9rem; }
    input[type='number'] { width: 5.5rem; }
    button { border: 1px solid #14213d; background: #14213d; color: #fff; border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; }
    button.secondary { background: #fff; color: #14213d; }
    button:disabled { opacity: 0.45; cursor: default; }
    :is(button, input, select, summary):focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    table { border-collapse: collapse; font-size: 0.88rem; width: 100%; }
    th, td { border-bottom: 1px solid #e5e7eb; padding: 0.25rem 0.4rem; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .phase { font-weight: 700; }
    .paused { background: #fff4e5; border: 2px solid #b54708; padding: 0.4rem 0.7rem; border-radius: 6px; font-weight: 700; }
    .message { background: #fff4e5; border: 1px solid #b54708; color: #7a2e0e; border-radius: 6px; padding: 0.45rem 0.7rem; }
    .error { color: #b42318; font-size: 0.78rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .file { display: inline-block; border: 1px solid #14213d; border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; font-size: 0.9rem; }
    .file:focus-within { outline: 3px solid #ffbf47; }
`;
