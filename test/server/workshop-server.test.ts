import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { openSqliteStore } from '../../src/server/store.ts';
import { type RunningWorkshop, startWorkshopServer } from '../../src/server/workshop-server.ts';
import type { WorkshopView } from '../../src/workshop/views.ts';

/** A test client: sends messages and waits for the next one matching a test. */
class Peer {
  readonly received: Record<string, unknown>[] = [];
  private waiting: {
    test: (m: Record<string, unknown>) => boolean;
    done: (m: Record<string, unknown>) => void;
  }[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      this.received.push(message);
      this.waiting = this.waiting.filter((w) => {
        if (!w.test(message)) return true;
        w.done(message);
        return false;
      });
    });
  }

  static open(port: number): Promise<Peer> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new Peer(socket)));
      socket.once('error', reject);
    });
  }

  send(message: object | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  next(test: (m: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('no such message')), 5000);
      this.waiting.push({
        test,
        done: (m) => {
          clearTimeout(timer);
          done(m);
        },
      });
    });
  }

  /** Sends and waits for the answer: a view for which `test` holds, or an error. */
  async ask(message: object | string, test: (v: WorkshopView) => boolean = () => true) {
    const answer = this.next(
      (m) => m.type === 'error' || (m.type === 'view' && test(m.view as WorkshopView)),
    );
    this.send(message);
    return answer;
  }

  close(): void {
    this.socket.close();
  }
}

const setup = { rounds: 3, roundDays: 20, preset: 'spiral', seed: 7 };
const decision = {
  releaseIntervalDays: 5,
  regressionPasses: 1,
  automationShare: 0.3,
  freezeMerges: false,
};

let server: RunningWorkshop | undefined;
const dir = mkdtempSync(join(tmpdir(), 'workshop-'));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(db: string) {
  const store = openSqliteStore(db);
  const running = await startWorkshopServer({ store });
  server = {
    ...running,
    close: async () => {
      await running.close();
      store.close();
    },
  };
  return server;
}

async function facilitator(port: number, key: string, code?: string) {
  const peer = await Peer.open(port);
  const games = peer.next((m) => m.type === 'games');
  peer.send(code ? { type: 'facilitate', key, code } : { type: 'facilitate', key });
  await games;
  return peer;
}

describe('workshop server', () => {
  it('teams join by code, decide only for themselves, and see results only once revealed', async () => {
    const { port, facilitatorKey } = await start(join(dir, 'play.sqlite'));
    const host = await facilitator(port, facilitatorKey);
    const created = host.next((m) => m.type === 'created');
    host.send({ type: 'create', setup });
    const { code } = (await created) as { code: string };

    const red = await Peer.open(port);
    const joined = red.next((m) => m.type === 'joined');
    red.send({ type: 'join', code, name: '<b>Red</b>' });
    const { team, token } = (await joined) as { team: number; token: string };
    const blue = await Peer.open(port);
    await blue.ask({ type: 'join', code, name: 'Blue' }, (v) => v.teams.length === 2);
    // A name is text: it is kept as typed and never read as markup.
    expect(team).toBe(0);
    await host.ask({ type: 'start' }, (v) => v.phase === 'deciding');

    // A team cannot act as the facilitator, nor for another team.
    const forged = await blue.ask({ type: 'reveal' }, () => false);
    expect(forged.type).toBe('error');
    const decided = await red.ask(
      { type: 'decide', decision },
      (v) => v.own?.decision?.releaseIntervalDays === 5,
    );
    const view = decided.view as WorkshopView;
    expect(view.own?.name).toBe('<b>Red</b>');
    expect(view.teams.map((t) => t.decided)).toEqual([true, false]);
    const other = await blue.ask(
      { type: 'decide', decision: { ...decision, releaseIntervalDays: 1000 } },
      () => false,
    );
    expect(other).toMatchObject({ type: 'error', field: 'decision.releaseIntervalDays' });
    expect(String(other.message)).toContain('from 1 to 60');

    await host.ask({ type: 'run' }, (v) => v.phase === 'hidden');
    const hidden = await blue.ask({ type: 'watch', code }, (v) => v.phase === 'hidden');
    expect((hidden.view as WorkshopView).standings).toEqual([]);
    const shown = red.next(
      (m) => m.type === 'view' && (m.view as WorkshopView).phase === 'revealed',
    );
    host.send({ type: 'reveal' });
    const results = (await shown).view as WorkshopView;
    expect(results.standings).toHaveLength(2);
    // A team sees its own decisions in the results, and not the other team's.
    const row = (name: string) => results.standings.find((s) => s.team === name)!;
    expect(row('<b>Red</b>').rounds[0].decision).toEqual(decision);
    expect(row('Blue').rounds[0].decision).toBeUndefined();

    // A reload rejoins the same team with the token kept in the browser.
    red.close();
    const again = await Peer.open(port);
    const back = again.next((m) => m.type === 'joined');
    again.send({ type: 'rejoin', code, token });
    expect(await back).toMatchObject({ team: 0 });
    const wrong = await again.ask({ type: 'rejoin', code, token: '0'.repeat(32) }, () => false);
    expect(wrong.type).toBe('error');
    for (const peer of [host, blue, again]) peer.close();
  });

  it('refuses malformed, oversized and unknown messages with a clear error, and keeps serving', async () => {
    const { port } = await start(join(dir, 'fuzz.sqlite'));
    const peer = await Peer.open(port);
    const cases: [string, string][] = [
      ['not json', 'JSON'],
      ['[1,2]', 'JSON object'],
      ['{"type":"explode"}', 'allowed: one of'],
      ['{"type":"join","code":"ABCDE","name":"x","admin":true}', 'not a field'],
      ['{"type":"join","code":"ab","name":"x"}', 'join code'],
      ['{"type":"join","code":"ABCDE","name":"x"}', 'join code of a game'],
      ['{"type":"facilitate","key":"guess"}', 'facilitator key'],
      ['{"type":"start"}', 'own role'],
      ['{"type":"__proto__"}', 'allowed: one of'],
    ];
    for (const [text, expected] of cases) {
      const answer = await peer.ask(text);
      expect(answer.type, text).toBe('error');
      expect(String(answer.message), text).toContain(expected);
    }
    // Over the size limit the connection is closed, and the server serves the next one.
    const big = await Peer.open(port);
    const closed = new Promise((done) => big.socket.once('close', done));
    big.send(`{"type":"join","code":"ABCDE","name":"${'x'.repeat(10_000)}"}`);
    await closed;
    const after = await Peer.open(port);
    expect((await after.ask('{"type":"watch","code":"ABCDE"}')).type).toBe('error');
    for (const p of [peer, after]) p.close();
  });

  it('a restarted server resumes every game exactly from its database', async () => {
    const db = join(dir, 'resume.sqlite');
    const first = await start(db);
    const host = await facilitator(first.port, first.facilitatorKey);
    const created = host.next((m) => m.type === 'created');
    host.send({ type: 'create', setup });
    const { code } = (await created) as { code: string };
    const team = await Peer.open(first.port);
    const joined = team.next((m) => m.type === 'joined');
    team.send({ type: 'join', code, name: 'Green' });
    const { token } = (await joined) as { token: string };
    await host.ask({ type: 'start' }, (v) => v.phase === 'deciding');
    await team.ask({ type: 'decide', decision }, (v) => v.teams[0].decided);
    await host.ask({ type: 'timer', seconds: 300 }, (v) => v.timer.state === 'running');
    const before = (await host.ask({ type: 'pause', paused: true }, (v) => v.paused))
      .view as WorkshopView;
    await first.close();

    const second = await start(db);
    expect(second.resumed).toEqual([code]);
    expect(second.facilitatorKey).toBe(first.facilitatorKey);
    const rejoined = await Peer.open(second.port);
    const view = (await rejoined.ask({ type: 'rejoin', code, token }, (v) => v.own !== undefined))
      .view as WorkshopView;
    expect(view.own?.decision).toEqual(decision);
    const host2 = await Peer.open(second.port);
    const resumed = host2.next((m) => m.type === 'view');
    host2.send({ type: 'facilitate', key: second.facilitatorKey, code });
    // Everything the facilitator saw before the crash, paused timer and all.
    expect((await resumed).view).toEqual(before);
    expect(view.timer).toEqual(before.timer);
    for (const p of [host, team, rejoined, host2]) p.close();
  });
});
