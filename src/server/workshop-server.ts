import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { roundsShown } from '../game/game.ts';
import { errorMessage, InputError } from '../inputs/errors.ts';
import {
  type ClientMessage,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  MAX_MESSAGE_BYTES,
  parseClientMessage,
} from '../workshop/messages.ts';
import { type Viewer, viewFor, type WorkshopFacts, workshopFacts } from '../workshop/views.ts';
import {
  applyEvent,
  checkSetup,
  replay,
  type Workshop,
  type WorkshopEvent,
} from '../workshop/workshop.ts';
import { serveStatic } from './static-files.ts';
import type { WorkshopStore } from './store.ts';

/** Messages a client may send in a second, and in a burst, before it is told to slow down. */
const RATE_PER_SECOND = 10;
const RATE_BURST = 30;
/** Connections one server accepts at once (a room of teams, facilitators and projectors). */
const MAX_CONNECTIONS = 500;

/** One connection and who it speaks for once it has said so. */
interface Client {
  socket: WebSocket;
  viewer: Viewer | null;
  code: string | null;
  tokens: number;
  lastRefill: number;
}

/** A game held in memory, its standings cached for the rounds shown. */
interface LiveGame {
  workshop: Workshop;
  facts: WorkshopFacts | null;
  factsKey: string;
}

/** What starting a server gives back: where it listens, its facilitator key, and a way to stop it. */
export interface RunningWorkshop {
  port: number;
  facilitatorKey: string;
  /** Join codes of the games the store held at start, oldest first. */
  resumed: string[];
  close(): Promise<void>;
}

/** How to run a workshop server. */
export interface WorkshopServerOptions {
  store: WorkshopStore;
  /** The built app to serve (dist/); without it only the WebSocket endpoint answers. */
  staticDir?: string;
  port?: number;
  host?: string;
  /** The clock, for round timers. */
  now?: () => number;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Starts the workshop server: the built app over HTTP and a WebSocket endpoint (`/ws`) where
 * teams, the facilitator and projectors connect. The server is the authority: every request is
 * checked with the engine's own rules, stored, then applied, and each client is sent only what
 * its role may see. Games the store holds are resumed as they were.
 */
export function startWorkshopServer(options: WorkshopServerOptions): Promise<RunningWorkshop> {
  const { store } = options;
  const now = options.now ?? Date.now;
  const facilitatorKey = store.facilitatorKey();
  const games = new Map<string, LiveGame>();
  for (const [code, events] of store.loadAll()) {
    try {
      games.set(code, { workshop: replay(events), facts: null, factsKey: '' });
    } catch (error) {
      // A game whose log no longer replays (a newer engine's rules) is left out, not fatal.
      console.error(`Game ${code} could not be resumed: ${errorMessage(error)}`);
    }
  }
  const clients = new Set<Client>();

  const factsOf = (live: LiveGame) => {
    const game = live.workshop.game;
    const key = game ? `${roundsShown(game)}|${game.config.teams.join('\u0000')}` : '';
    if (!live.facts || key !== live.factsKey) {
      live.facts = workshopFacts(live.workshop);
      live.factsKey = key;
    }
    return live.facts;
  };

  const send = (client: Client, message: object) => {
    if (client.socket.readyState === client.socket.OPEN)
      client.socket.send(JSON.stringify(message));
  };

  const broadcast = (code: string) => {
    const live = games.get(code);
    if (!live) return;
    const facts = factsOf(live);
    for (const client of clients)
      if (client.code === code && client.viewer)
        send(client, { type: 'view', view: viewFor(live.workshop, client.viewer, facts) });
  };

  /** Checks an event against the game's rules, stores it, then applies it; a refusal changes nothing. */
  const commit = (code: string, event: WorkshopEvent) => {
    const live = games.get(code)!;
    const next = applyEvent(live.workshop, event);
    store.append(code, event);
    live.workshop = next;
    broadcast(code);
  };

  const newCode = (): string => {
    for (;;) {
      let code = '';
      for (let i = 0; i < JOIN_CODE_LENGTH; i++)
        code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
      if (!games.has(code)) return code;
    }
  };

  const requireGame = (code: string): LiveGame => {
    const live = games.get(code);
    if (!live)
      throw new InputError('code', code, 'allowed: the join code of a game on this server');
    return live;
  };

  const handle = (client: Client, message: ClientMessage) => {
    switch (message.type) {
      case 'join': {
        const live = requireGame(message.code);
        const token = randomBytes(16).toString('hex');
        commit(message.code, { type: 'joined', name: message.name, tokenHash: hashToken(token) });
        const team = live.workshop.teams.length - 1;
        client.viewer = { role: 'team', team };
        client.code = message.code;
        send(client, { type: 'joined', code: message.code, team, token });
        broadcast(message.code);
        return;
      }
      case 'rejoin': {
        const live = requireGame(message.code);
        const hash = hashToken(message.token);
        const team = live.workshop.teams.findIndex(
          (t) => !t.removed && sameSecret(t.tokenHash, hash),
        );
        if (team < 0)
          throw new InputError(
            'token',
            'not a team of this game',
            'allowed: the token your team was given, or join again',
          );
        client.viewer = { role: 'team', team };
        client.code = message.code;
        send(client, { type: 'joined', code: message.code, team, token: message.token });
        broadcast(message.code);
        return;
      }
      case 'watch':
        requireGame(message.code);
        client.viewer = { role: 'projector' };
        client.code = message.code;
        broadcast(message.code);
        return;
      case 'facilitate': {
        if (!sameSecret(message.key, facilitatorKey))
          throw new InputError(
            'key',
            'not this server’s',
            'allowed: the facilitator key the server printed',
          );
        if (message.code !== undefined) requireGame(message.code);
        client.viewer = { role: 'facilitator' };
        client.code = message.code ?? null;
        send(client, {
          type: 'games',
          games: [...games.values()].map(({ workshop }) => ({
            code: workshop.code,
            teams: workshop.teams.filter((t) => !t.removed).length,
            phase: workshop.game?.phase ?? 'lobby',
          })),
        });
        if (client.code) broadcast(client.code);
        return;
      }
      default:
        break;
    }
    if (client.viewer?.role === 'team' && message.type === 'decide') {
      commit(client.code!, {
        type: 'decided',
        team: client.viewer.team,
        decision: message.decision as never,
      });
      return;
    }
    if (client.viewer?.role !== 'facilitator')
      throw new InputError(
        'type',
        message.type,
        'allowed for this connection: messages of its own role',
      );
    if (message.type === 'create') {
      const setup = checkSetup(message.setup);
      const code = newCode();
      const created: WorkshopEvent = { type: 'created', code, setup };
      games.set(code, {
        workshop: applyEvent(null as unknown as Workshop, created),
        facts: null,
        factsKey: '',
      });
      store.append(code, created);
      client.code = code;
      send(client, { type: 'created', code });
      broadcast(code);
      return;
    }
    if (!client.code)
      throw new InputError('code', 'none', 'allowed: after choosing or creating a game');
    const code = client.code;
    switch (message.type) {
      case 'start':
        return commit(code, { type: 'started' });
      case 'run':
        return commit(code, { type: 'ran' });
      case 'reveal':
        return commit(code, { type: 'revealed' });
      case 'next':
        return commit(code, { type: 'next' });
      case 'pause':
        return commit(code, { type: 'paused', paused: message.paused, at: now() });
      case 'shock':
        return commit(code, { type: 'shock', shock: message.shock });
      case 'timer':
        return commit(code, { type: 'timer', seconds: message.seconds, at: now() });
      case 'rename':
        return commit(code, { type: 'renamed', team: message.team, name: message.name });
      case 'remove':
        commit(code, { type: 'removed', team: message.team });
        for (const other of clients)
          if (
            other.code === code &&
            other.viewer?.role === 'team' &&
            other.viewer.team === message.team
          ) {
            send(other, { type: 'removed' });
            other.viewer = null;
            other.code = null;
          }
        return;
      default:
        throw new InputError('type', message.type, 'allowed: a facilitator action');
    }
  };

  /** A token bucket per connection: a flood is refused, then the connection is closed. */
  const allowed = (client: Client): boolean => {
    const at = now();
    client.tokens = Math.min(
      RATE_BURST,
      client.tokens + ((at - client.lastRefill) / 1000) * RATE_PER_SECOND,
    );
    client.lastRefill = at;
    if (client.tokens < 1) return false;
    client.tokens -= 1;
    return true;
  };

  const http: Server = createServer((request, response) => {
    if (options.staticDir) serveStatic(options.staticDir, request, response);
    else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('Build the app first (npm run build).');
    }
  });
  const wss = new WebSocketServer({ server: http, path: '/ws', maxPayload: MAX_MESSAGE_BYTES });
  wss.on('connection', (socket) => {
    if (clients.size >= MAX_CONNECTIONS) {
      socket.close(1013, 'The server is full');
      return;
    }
    const client: Client = {
      socket,
      viewer: null,
      code: null,
      tokens: RATE_BURST,
      lastRefill: now(),
    };
    clients.add(client);
    let refused = 0;
    socket.on('message', (data, isBinary) => {
      if (isBinary)
        return send(client, {
          type: 'error',
          message: 'message: binary is not allowed; allowed: JSON text',
        });
      if (!allowed(client)) {
        if (++refused > RATE_BURST) socket.close(1008, 'Too many messages');
        return send(client, {
          type: 'error',
          message: `rate: too many messages; allowed: ${RATE_PER_SECOND} a second`,
        });
      }
      try {
        handle(client, parseClientMessage(data.toString()));
      } catch (error) {
        send(client, {
          type: 'error',
          field: error instanceof InputError ? error.field : undefined,
          message: error instanceof InputError ? error.message : 'The server could not do that.',
        });
        if (!(error instanceof InputError)) console.error(error);
      }
    });
    socket.on('close', () => clients.delete(client));
    socket.on('error', () => clients.delete(client));
  });

  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      resolve({
        port: (http.address() as AddressInfo).port,
        facilitatorKey,
        resumed: [...games.keys()],
        close: () =>
          new Promise<void>((done) => {
            for (const client of clients) client.socket.terminate();
            wss.close();
            http.close(() => done());
          }),
      });
    });
  });
}
