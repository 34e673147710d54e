import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../inputs/errors.ts';
import { single, wholeFlag } from './flags.ts';
import type { Command } from './types.ts';

/** The machine's first address on the local network, for teams' devices to reach. */
function lanAddress(): string {
  for (const list of Object.values(networkInterfaces()))
    for (const address of list ?? [])
      if (address.family === 'IPv4' && !address.internal) return address.address;
  return '127.0.0.1';
}

/**
 * The built app this command ships with, dist/ at the package's root: two folders above the
 * bundled command (build/cli), three above this file in the sources.
 */
function builtApp(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, '../../dist'), resolve(here, '../../../dist')].find((folder) =>
    existsSync(join(folder, 'workshop.html')),
  );
}

/** `workshop`: serve a workshop game to teams on their own devices, with a facilitator's dashboard. */
export const workshopCommand: Command = {
  flags: ['--port', '--host', '--db', '--app'],
  summary:
    'serve the game to teams on their own devices (join code and QR), with a facilitator dashboard and a projector view',
  usage: 'workshop [--port 8080] [--host 0.0.0.0] [--db workshop.sqlite] [--app dist]',
  async run(args, _scenario, { out, err }) {
    const port = wholeFlag(args, '--port', 0, 65535, 8080);
    const host = single(args, '--host') ?? '0.0.0.0';
    const dbPath = single(args, '--db') ?? 'workshop.sqlite';
    const app = single(args, '--app');
    if (app !== undefined && !existsSync(join(app, 'workshop.html')))
      throw new InputError('--app', app, 'allowed: a folder holding the built app (npm run build)');
    const staticDir = app ?? builtApp();
    // The server's native SQLite and WebSocket modules load only for this command.
    const [{ openSqliteStore }, { startWorkshopServer }] = await Promise.all([
      import('../../server/store.ts'),
      import('../../server/workshop-server.ts'),
    ]);
    const store = openSqliteStore(dbPath);
    const server = await startWorkshopServer({ store, staticDir, port, host });
    const shown = host === '0.0.0.0' || host === '::' ? lanAddress() : host;
    const base = `http://${shown}:${server.port}/`;
    const joinAddress = `${base}workshop.html?join`;
    out(`Workshop server on ${base} (games kept in ${dbPath})`);
    if (!staticDir) err('The app is not built: run npm run build first, or use npm run workshop.');
    if (server.resumed.length > 0) out(`Resumed games: ${server.resumed.join(', ')}`);
    out(
      `\nFacilitator (keep this address to yourself): ${base}workshop.html?facilitate#key=${server.facilitatorKey}`,
    );
    out(`Projector: ${base}workshop.html?watch=CODE`);
    out(`Teams join at ${joinAddress} with the game's code, or by this QR:\n`);
    const { default: QRCode } = await import('qrcode');
    out(await QRCode.toString(joinAddress, { type: 'terminal', small: true }));
    out('Stop with Ctrl+C; a restarted server resumes every game where it was.');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(() => {
          store.close();
          done();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
