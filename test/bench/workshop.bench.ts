import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { openSqliteStore } from '../../src/server/store.ts';
import { startWorkshopServer } from '../../src/server/workshop-server.ts';
import type { WorkshopView } from '../../src/workshop/views.ts';

// Workshop server load on loopback: 5 games of 8 teams (40 team clients and 5 facilitators)
// play three rounds; every team decides, drops its connection and rejoins once a round. Reports
// decision-to-acknowledgement latency and checks that no decision is lost.
const GAMES = 5;
const TEAMS = 8;
const ROUNDS = 3;

type Message = Record<string, unknown>;

/** A client that waits for the first message matching a test. */
function client(port: number): Promise<{
  socket: WebSocket;
  until: (test: (m: Message) => boolean) => Promise<Message>;
  send: (m: object) => void;
}> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const waiting: { test: (m: Message) => boolean; done: (m: Message) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Message;
    for (let i = waiting.length - 1; i >= 0; i--)
      if (waiting[i].test(message)) waiting.splice(i, 1)[0].done(message);
  });
  return new Promise((resolve) =>
    socket.once('open', () =>
      resolve({
        socket,
        until: (test) => new Promise((done) => waiting.push({ test, done })),
        send: (m) => socket.send(JSON.stringify(m)),
      }),
    ),
  );
}

const isView = (test: (v: WorkshopView) => boolean) => (m: Message) =>
  m.type === 'view' && test(m.view as WorkshopView);

const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'workshop-bench-')), 'load.sqlite'));
const server = await startWorkshopServer({ store });
const { port, facilitatorKey } = server;
const latencies: number[] = [];
let lost = 0;

await Promise.all(
  Array.from({ length: GAMES }, async (_, g) => {
    const host = await client(port);
    host.send({ type: 'facilitate', key: facilitatorKey });
    await host.until((m) => m.type === 'games');
    host.send({
      type: 'create',
      setup: { rounds: ROUNDS, roundDays: 20, preset: 'spiral', seed: g },
    });
    const { code } = (await host.until((m) => m.type === 'created')) as { code: string };
    const teams = await Promise.all(
      Array.from({ length: TEAMS }, async (_, t) => {
        const team = await client(port);
        team.send({ type: 'join', code, name: `Team ${t + 1}` });
        const { token } = (await team.until((m) => m.type === 'joined')) as { token: string };
        return { team, token };
      }),
    );
    host.send({ type: 'start' });
    await host.until(isView((v) => v.phase === 'deciding'));
    for (let round = 1; round <= ROUNDS; round++) {
      await Promise.all(
        teams.map(async (entry, t) => {
          // Drop and rejoin, as a phone that lost the network would.
          entry.team.socket.terminate();
          entry.team = await client(port);
          entry.team.send({ type: 'rejoin', code, token: entry.token });
          await entry.team.until((m) => m.type === 'joined');
          const interval = 1 + ((t + round) % 20);
          const started = performance.now();
          entry.team.send({
            type: 'decide',
            decision: {
              releaseIntervalDays: interval,
              regressionPasses: 1,
              automationShare: 0.1,
              freezeMerges: false,
            },
          });
          await entry.team.until(
            isView((v) => v.own?.decision?.releaseIntervalDays === interval && v.teams[t].decided),
          );
          latencies.push(performance.now() - started);
        }),
      );
      const decided = await new Promise<WorkshopView>((done) => {
        void host
          .until(isView((v) => v.phase === 'hidden'))
          .then((m) => done(m.view as WorkshopView));
        host.send({ type: 'run' });
      });
      lost += decided.teams.filter((t) => !t.decided).length;
      host.send({ type: 'reveal' });
      await Promise.all(teams.map(({ team }) => team.until(isView((v) => v.phase === 'revealed'))));
      host.send({ type: 'next' });
      await host.until(isView((v) => v.phase === (round === ROUNDS ? 'finished' : 'deciding')));
    }
    for (const { team } of teams) team.socket.close();
    host.socket.close();
  }),
);

latencies.sort((a, b) => a - b);
const at = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(
  `Workshop load: ${GAMES} games × ${TEAMS} teams × ${ROUNDS} rounds, a rejoin before every decision`,
);
console.log(
  `decision to acknowledgement: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms over ${latencies.length} decisions; decisions lost: ${lost}`,
);
await server.close();
store.close();
