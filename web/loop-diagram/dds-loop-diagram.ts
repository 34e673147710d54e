import { css, html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import {
  FEEDBACK_LOOPS,
  type FeedbackLoop,
  LOOP_LINKS,
  type LoopId,
  type LoopTimeline,
  loopTimeline,
  type NodeId,
} from '../../src/index.ts';
import type { ChartSpec } from '../charts/chart-specs.ts';
import { PALETTE } from '../charts/palette.ts';
import { formatCompact } from '../charts/time-chart.ts';
import type { RunView } from '../worker/protocol.ts';
import {
  DIAGRAM_HEIGHT,
  DIAGRAM_WIDTH,
  LOOP_LABELS,
  loopLinkKeys,
  NODE_HEIGHT,
  NODE_WIDTH,
  nodeText,
  PLACED_LINKS,
  PLACED_NODES,
} from './diagram-layout.ts';
import { ringLayout } from './focus-layout.ts';
import '../components/dds-time-chart.ts';
import { defineElement } from '../components/define-element.ts';
import { IdleWhenOffScreen } from '../components/idle-when-off-screen.ts';

const KIND_COLOUR = { reinforcing: '#b42318', balancing: '#175cd3' } as const;

/** How a loop is turning, in words: a reinforcing loop can run vicious or virtuous. */
export function loopDirectionWords(loop: FeedbackLoop, direction: number): string {
  if (direction === 0) return 'resting';
  if (loop.kind === 'balancing') return 'pushing back';
  return direction > 0 ? 'vicious: making things worse' : 'virtuous: making things better';
}

/**
 * The causal-loop diagram, live: every node shows its value on the day shown, links show their
 * polarity, and the loop that dominates (see `loopTimeline` for the method) is drawn heavy. A strip
 * below shows which loop dominated on every day. Clicking a node (or Enter on it) opens its chart.
 * Compact (presenter mode), it draws only the loop in question, alone on a ring, in text a room
 * can read: the one the story outlines, or else the dominant one.
 */
export class DdsLoopDiagram extends IdleWhenOffScreen(LitElement) {
  static override styles = css`
    :host { display: block; background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 0.6rem 0.75rem; }
    h2 { font-size: 1rem; margin: 0 0 0.2rem; }
    .lead { font-size: 0.85rem; margin: 0 0 0.4rem; color: #1b1f24; }
    .body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(220px, 1.3fr); gap: 0.75rem; }
    svg { display: block; width: 100%; height: auto; }
    .node { cursor: pointer; }
    .node:focus-visible { outline: none; }
    .node:focus-visible rect { stroke: #ffbf47; stroke-width: 4; }
    ul { list-style: none; margin: 0; padding: 0; font-size: 0.8rem; display: grid; gap: 0.35rem; }
    li { border-left: 4px solid #d6d9de; padding: 0.1rem 0.4rem; }
    li.reinforcing { border-left-color: #b42318; }
    li.balancing { border-left-color: #175cd3; }
    li.dominant { background: #fff4e5; outline: 2px solid #b54708; }
    li.highlighted { outline: 3px dashed #1b1f24; }
    .state { color: #4b5563; }
    .strip-label { font-size: 0.75rem; margin: 0.3rem 0 0.1rem; color: #374151; }
    button { font: inherit; font-size: 0.8rem; }
    :host([compact]) { padding: 0.4rem 0.6rem; }
    :host([compact]) .lead { font-size: 1rem; }
    .focus svg { max-width: 100%; }
    .links-in-words { font-size: 0.8rem; margin-top: 0.3rem; }
    .links-in-words ul { display: block; columns: 2; }
    @media (max-width: 900px) { .body { grid-template-columns: 1fr; } }
  `;

  static override properties = {
    view: { attribute: false },
    day: { attribute: false },
    highlight: { attribute: false },
    compact: { type: Boolean, reflect: true },
    selected: { state: true },
  };

  /** The run to read. */
  view: RunView | null = null;
  /** The day shown (play mode), or null for the run's last day. */
  day: number | null = null;
  /** A loop to outline whatever dominates (the story points at it). */
  highlight: LoopId | null = null;
  /** Compact (presenter mode): only the loop in question, alone on a ring, in large text. */
  compact = false;
  /** The node whose chart is open. */
  private selected: NodeId | null = null;
  private timeline: LoopTimeline | null = null;
  private timelineFor: RunView | null = null;
  private deferred = false;
  private width = 480;
  private resizeObserver: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0].contentRect.width);
      if (measured > 0 && Math.abs(measured - this.width) > 2)
        requestAnimationFrame(() => {
          this.width = measured;
          if (this.compact) this.requestUpdate();
        });
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  override shouldUpdate(changed: PropertyValues<this>): boolean {
    // A new run alone (a slider moved): the charts above paint first, the loops a frame later.
    if (changed.size === 1 && changed.has('view') && this.timeline !== null) {
      if (!this.deferred) {
        this.deferred = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            this.deferred = false;
            this.requestUpdate();
          }),
        );
      }
      return false;
    }
    // That run, a frame later (an update with no property changed), waits for idle time while
    // the loops are out of view, like the charts out of view. A change of what is shown (Play,
    // Step, a story step) shows at once, in view or not, so the loops always show the charts' day.
    return changed.size === 0 ? super.shouldUpdate(changed) : true;
  }

  override willUpdate(): void {
    if (this.view && this.view !== this.timelineFor) {
      this.timeline = loopTimeline(this.view.series, this.view.days);
      this.timelineFor = this.view;
    }
  }

  /** The index of the day shown: play and the story show whole days, so a fractional day rounds down. */
  private get shownDay(): number {
    const days = this.timeline?.days ?? 1;
    return Math.max(0, Math.min(days - 1, Math.floor(this.day ?? days) - 1));
  }

  override updated(): void {
    // Lets tests and benchmarks read what the diagram shows.
    const index = this.timeline ? this.timeline.dominant[this.shownDay] : -1;
    const dominant = index >= 0 ? FEEDBACK_LOOPS[index].id : null;
    this.dataset.dominant = dominant ?? 'none';
    this.dataset.day = String(this.shownDay);
  }

  private select(id: NodeId): void {
    this.selected = this.selected === id ? null : id;
  }

  private handleNodeKey(event: KeyboardEvent, id: NodeId): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.select(id);
  }

  private nodeChart(id: NodeId): ChartSpec | null {
    const timeline = this.timeline;
    if (!timeline) return null;
    const { label, unit } = nodeText(id);
    return {
      id: `loop-${id}`,
      title: label,
      yLabel: unit,
      days: timeline.days,
      explanation: `Its mean over the ten working days ending each day, as the diagram reads it.`,
      layers: [{ id, label, kind: 'line', values: timeline.nodeValues[id], color: PALETTE.blue }],
      revealDays: this.day ?? undefined,
    };
  }

  private renderDiagram(timeline: LoopTimeline, day: number, dominant: FeedbackLoop | null) {
    const heavy = dominant ? loopLinkKeys(dominant) : new Set<string>();
    const outlined = this.highlight ? FEEDBACK_LOOPS.find((l) => l.id === this.highlight) : null;
    const dashed = outlined ? loopLinkKeys(outlined) : new Set<string>();
    const colour = dominant ? KIND_COLOUR[dominant.kind] : '#1b1f24';
    return svg`
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"></path></marker>
        <marker id="arrow-heavy" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill=${colour}></path></marker>
      </defs>
      <g aria-hidden="true">
        ${PLACED_LINKS.map((placed) => {
          const key = `${placed.link.from}>${placed.link.to}`;
          const on = heavy.has(key);
          return svg`<path d=${placed.d} fill="none" stroke=${on ? colour : '#9ca3af'} stroke-width=${on ? 3.5 : 1.4}
              stroke-dasharray=${dashed.has(key) && !on ? '6 3' : ''} marker-end=${on ? 'url(#arrow-heavy)' : 'url(#arrow)'} data-link=${key}></path>
            <text x=${placed.signX} y=${placed.signY + 4} text-anchor="middle" font-size="13" font-weight="700" fill=${on ? colour : '#374151'}>${placed.link.polarity > 0 ? '+' : '−'}</text>`;
        })}
        ${LOOP_LABELS.map(({ loop, x, y }) => {
          const isDominant = dominant?.id === loop.id;
          return svg`<text x=${x} y=${y} text-anchor="middle" font-size=${isDominant ? 15 : 12} font-weight=${isDominant ? 700 : 400}
            fill=${KIND_COLOUR[loop.kind]} data-loop-label=${loop.id}>${loop.kind === 'reinforcing' ? '↻' : '⇄'} ${loop.id}</text>`;
        })}
      </g>
      ${PLACED_NODES.map((placed) => {
        const { label, unit } = nodeText(placed.id);
        const value = timeline.nodeValues[placed.id][day];
        const change = timeline.nodeChanges[placed.id][day];
        const trend = change >= 0.03 ? '▲' : change <= -0.03 ? '▼' : '';
        const trendWords = change >= 0.03 ? 'rising' : change <= -0.03 ? 'falling' : 'steady';
        const selected = this.selected === placed.id;
        return svg`<g class="node" role="button" tabindex="0" data-node=${placed.id}
            aria-label=${`${label}: ${formatCompact(value)} ${unit}, ${trendWords}. Show its chart.`} aria-pressed=${selected ? 'true' : 'false'}
            @click=${() => this.select(placed.id)} @keydown=${(e: KeyboardEvent) => this.handleNodeKey(e, placed.id)}>
          <rect x=${placed.cx - NODE_WIDTH / 2} y=${placed.cy - NODE_HEIGHT / 2} width=${NODE_WIDTH} height=${NODE_HEIGHT} rx="8"
            fill=${selected ? '#e0ecff' : '#f8fafc'} stroke=${selected ? '#0b57d0' : '#4b5563'} stroke-width=${selected ? 2.5 : 1.2}></rect>
          <text x=${placed.cx} y=${placed.cy - 5} text-anchor="middle" font-size="12.5" font-weight="600" fill="#111827">${label}</text>
          <text x=${placed.cx} y=${placed.cy + 13} text-anchor="middle" font-size="12" fill="#1f2937" data-value>${formatCompact(value)} ${trend}</text>
        </g>`;
      })}`;
  }

  private renderStrip(timeline: LoopTimeline, day: number) {
    const width = DIAGRAM_WIDTH;
    const scale = width / timeline.days;
    const runs: { from: number; to: number; index: number }[] = [];
    // In play mode the strip stops at the day shown: the future is not given away.
    for (let d = 0; d <= day; d++) {
      const index = timeline.dominant[d];
      const last = runs[runs.length - 1];
      if (last && last.index === index) last.to = d + 1;
      else runs.push({ from: d, to: d + 1, index });
    }
    const counts = FEEDBACK_LOOPS.map((loop, i) => ({
      loop,
      days: runs.filter((r) => r.index === i).reduce((s, r) => s + r.to - r.from, 0),
    })).filter((c) => c.days > 0);
    const summary =
      counts.length === 0
        ? 'No loop dominated on any day: the team was steady.'
        : `Days each loop dominated: ${counts.map((c) => `${c.loop.id} ${c.loop.label} ${c.days}`).join(', ')}; the rest steady.`;
    return html`<p class="strip-label">Which loop dominated, day by day (${FEEDBACK_LOOPS.filter(
      (l) => l.kind === 'reinforcing',
    )
      .map((l) => l.id)
      .join(', ')} red, balancing loops blue, steady blank)</p>
      <svg viewBox=${`0 0 ${width} 22`} role="img" aria-label=${summary} class="strip">
        ${runs
          .filter((r) => r.index >= 0)
          .map((r) => {
            const loop = FEEDBACK_LOOPS[r.index];
            return svg`<rect x=${r.from * scale} y="2" width=${Math.max(1, (r.to - r.from) * scale)} height="14" fill=${KIND_COLOUR[loop.kind]}
            fill-opacity=${0.35 + 0.08 * (r.index % 4)}><title>${`Days ${r.from}–${r.to}: ${loop.id} ${loop.label}`}</title></rect>`;
          })}
        <line x1=${(day + 1) * scale} x2=${(day + 1) * scale} y1="0" y2="22" stroke="#111827" stroke-width="2"></line>
      </svg>`;
  }

  private renderLegend(timeline: LoopTimeline, day: number, dominant: FeedbackLoop | null) {
    return html`<ul aria-label="Feedback loops">
      ${FEEDBACK_LOOPS.map((loop) => {
        const activity = timeline.activity[loop.id][day];
        const direction = timeline.direction[loop.id][day];
        const classes = [
          loop.kind,
          dominant?.id === loop.id ? 'dominant' : '',
          this.highlight === loop.id ? 'highlighted' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return html`<li class=${classes} data-loop=${loop.id}>
          <strong>${loop.id} ${loop.label}</strong> (${loop.kind})${dominant?.id === loop.id ? html` <strong>· dominant</strong>` : nothing}<br />
          <span class="state">${activity > 0 ? `${loopDirectionWords(loop, direction)}, strength ${(activity * 100).toFixed(0)}% a month` : 'not at work'}</span><br />
          <span class="summary">${loop.summary}</span>
        </li>`;
      })}
    </ul>`;
  }

  /** The loop in question alone on a ring, every node with its value and trend, for presenter mode. */
  private renderFocus(timeline: LoopTimeline, day: number, dominant: FeedbackLoop | null) {
    const loop =
      FEEDBACK_LOOPS.find((l) => l.id === this.highlight) ?? dominant ?? FEEDBACK_LOOPS[0];
    const size = Math.max(14, Math.round(window.innerWidth / 100));
    const width = Math.max(280, this.width - 4);
    const height = Math.round(Math.min(width * 0.62, window.innerHeight * 0.42));
    const layout = ringLayout(loop, width, height, size);
    const activity = timeline.activity[loop.id][day];
    const colour = activity > 0 ? KIND_COLOUR[loop.kind] : '#6b7280';
    const state =
      activity > 0
        ? loopDirectionWords(loop, timeline.direction[loop.id][day])
        : 'not at work on this day';
    return html`<div class="focus">
      <svg viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img"
        aria-label=${`${loop.id} ${loop.label}, ${state}: ${loop.path.map((id) => nodeText(id).label).join(', then ')}, and back.`}>
        <defs><marker id="ring-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill=${colour}></path></marker></defs>
        <text x=${width / 2} y=${height / 2 - size * 1.1} text-anchor="middle" font-size=${size * 1.2} font-weight="700" fill=${KIND_COLOUR[loop.kind]} data-loop-label=${loop.id}>${loop.kind === 'reinforcing' ? '↻' : '⇄'} ${loop.id}</text>
        <text x=${width / 2} y=${height / 2 + size * 0.2} text-anchor="middle" font-size=${size} font-weight="700" fill=${KIND_COLOUR[loop.kind]}>${loop.label}</text>
        ${state.split(': ').map((part, i) => svg`<text x=${width / 2} y=${height / 2 + size * (1.4 + 1.2 * i)} text-anchor="middle" font-size=${size} fill="#1f2937" ?data-focus-state=${i === 0}>${part}</text>`)}
        ${layout.links.map(
          (
            link,
          ) => svg`<path d=${link.d} fill="none" stroke=${colour} stroke-width=${activity > 0 ? 3.5 : 1.8} marker-end="url(#ring-arrow)"></path>
            <text x=${link.signX} y=${link.signY} text-anchor="middle" font-size=${size} font-weight="700" fill=${colour}>${link.polarity > 0 ? '+' : '−'}</text>`,
        )}
        ${layout.nodes.map((node) => {
          const { label } = nodeText(node.id);
          const value = timeline.nodeValues[node.id][day];
          const change = timeline.nodeChanges[node.id][day];
          const trend = change >= 0.03 ? '▲' : change <= -0.03 ? '▼' : '';
          return svg`<g data-node=${node.id}>
            <rect x=${node.cx - layout.nodeWidth / 2} y=${node.cy - layout.nodeHeight / 2} width=${layout.nodeWidth} height=${layout.nodeHeight} rx="8" fill="#f8fafc" stroke="#4b5563" stroke-width="1.4"></rect>
            <text x=${node.cx} y=${node.cy - size * 0.25} text-anchor="middle" font-size=${size} font-weight="600" fill="#111827">${label}</text>
            <text x=${node.cx} y=${node.cy + size * 1.05} text-anchor="middle" font-size=${size} fill="#1f2937" data-value>${formatCompact(value)} ${trend}</text>
          </g>`;
        })}
      </svg>
    </div>`;
  }

  override render() {
    const timeline = this.timeline;
    if (!timeline) return html`<p>Running the model…</p>`;
    const day = this.shownDay;
    const index = timeline.dominant[day];
    const dominant = index >= 0 ? FEEDBACK_LOOPS[index] : null;
    const chart = this.selected ? this.nodeChart(this.selected) : null;
    return html`<section aria-labelledby="loops-title">
      <h2 id="loops-title">Feedback loops, day ${day + 1}</h2>
      <p class="lead" aria-live="polite" data-dominant-text>${
        dominant
          ? html`Dominant now: <strong>${dominant.id} ${dominant.label}</strong>, ${loopDirectionWords(dominant, timeline.direction[dominant.id][day])}.`
          : 'No loop dominates now: the team is steady, held by its balancing loops.'
      }</p>
      ${this.compact ? this.renderFocus(timeline, day, dominant) : this.renderFull(timeline, day, dominant)}
      ${
        chart && !this.compact
          ? html`<dds-time-chart .spec=${chart} .height=${150} data-node-chart=${this.selected!}></dds-time-chart>
        <button type="button" @click=${() => (this.selected = null)}>Close the chart</button>`
          : nothing
      }
    </section>`;
  }

  private renderFull(timeline: LoopTimeline, day: number, dominant: FeedbackLoop | null) {
    return html`<div class="body">
        <div>
          <svg viewBox=${`0 0 ${DIAGRAM_WIDTH} ${DIAGRAM_HEIGHT}`} role="group" aria-label="Causal-loop diagram: select a variable to see its chart">
            ${this.renderDiagram(timeline, day, dominant)}
          </svg>
          ${this.renderStrip(timeline, day)}
          <details class="links-in-words">
            <summary>The links in words</summary>
            <ul>${LOOP_LINKS.map((link) => html`<li>${nodeText(link.from).label} ${link.polarity > 0 ? 'raises' : 'lowers'} ${nodeText(link.to).label.toLowerCase()}</li>`)}</ul>
          </details>
        </div>
        ${this.renderLegend(timeline, day, dominant)}
      </div>`;
  }
}

defineElement('dds-loop-diagram', DdsLoopDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'dds-loop-diagram': DdsLoopDiagram;
  }
}
