import type { ClientMessage } from '../../src/workshop/messages.ts';
import type { WorkshopView } from '../../src/workshop/views.ts';

/** What the server says to a browser. */
export type ServerMessage =
  | { type: 'view'; view: WorkshopView }
  | { type: 'joined'; code: string; team: number; token: string }
  | { type: 'created'; code: string }
  | { type: 'games'; games: { code: string; teams: number; phase: string }[] }
  | { type: 'removed' }
  | { type: 'error'; field?: string; message: string };

/** Who this browser is to the server, said again on every reconnect. */
export type Identity =
  | { role: 'team'; code: string; token: string }
  | { role: 'facilitator'; key: string; code?: string }
  | { role: 'projector'; code: string };

function hello(identity: Identity): ClientMessage {
  switch (identity.role) {
    case 'team':
      return { type: 'rejoin', code: identity.code, token: identity.token };
    case 'facilitator':
      return identity.code
        ? { type: 'facilitate', key: identity.key, code: identity.code }
        : { type: 'facilitate', key: identity.key };
    case 'projector':
      return { type: 'watch', code: identity.code };
  }
}

/**
 * A connection to the workshop server that comes back by itself: after a dropped network or a
 * restarted server it reconnects (waiting longer each time, up to five seconds) and says who it
 * is again, so a team never has to rejoin by hand.
 */
export class WorkshopConnection {
  identity: Identity | null = null;
  connected = false;
  private socket: WebSocket | null = null;
  private retry = 0;
  private closed = false;
  /** Messages sent while offline, in order, for the next connection. */
  private readonly queued: ClientMessage[] = [];

  constructor(
    private readonly url: string,
    private readonly onMessage: (message: ServerMessage) => void,
    private readonly onStatus: (connected: boolean) => void,
  ) {
    this.open();
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.retry = 0;
      this.connected = true;
      this.onStatus(true);
      if (this.identity) socket.send(JSON.stringify(hello(this.identity)));
      for (const message of this.queued.splice(0)) socket.send(JSON.stringify(message));
    });
    socket.addEventListener('message', (event) => {
      try {
        this.onMessage(JSON.parse(String(event.data)) as ServerMessage);
      } catch {
        // A message this version cannot read is skipped; the next view replaces it.
      }
    });
    socket.addEventListener('close', () => {
      this.connected = false;
      this.onStatus(false);
      if (this.closed) return;
      const wait = Math.min(5000, 250 * 2 ** this.retry++);
      setTimeout(() => this.open(), wait);
    });
  }

  /**
   * Sends a message now if connected; offline, it waits and goes as soon as the connection is
   * back (after saying who this is), and the answer is false so the screen can say so.
   */
  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
      this.queued.push(message);
      return false;
    }
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Who this browser is from now on, told to the server at once and on every reconnect. */
  become(identity: Identity): void {
    this.identity = identity;
    // Offline, the hello goes on reconnecting anyway.
    if (this.socket?.readyState === WebSocket.OPEN) this.send(hello(identity));
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
