import { describe, expect, it } from 'vitest';
import { createWorkerClient } from '../../web/worker/pool.ts';

/** A worker from source text, so a test can make one that dies. */
function workerFrom(source: string): Worker {
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

describe('simulation worker client', () => {
  it('a worker that dies rejects what it had pending, names why, and a new worker takes the next request', async () => {
    let started = 0;
    const client = createWorkerClient(() => {
      started++;
      // The first worker throws on its first message; the second answers.
      return started === 1
        ? workerFrom('self.onmessage = () => { throw new Error("out of memory"); };')
        : workerFrom('self.onmessage = (e) => self.postMessage({ id: e.data.id, answer: 42 });');
    });
    await expect(
      client({ kind: 'analysis', analysis: { kind: 'constraints' } as never }),
    ).rejects.toThrow(
      /The simulation worker stopped \(.*out of memory.*\); a new one has been started/,
    );
    await expect(
      client({ kind: 'analysis', analysis: { kind: 'constraints' } as never }),
    ).resolves.toBe(42);
    expect(started).toBe(2);
  });

  it('cancelling ends the worker and rejects its pending work as aborted; progress arrives before the answer', async () => {
    let started = 0;
    const client = createWorkerClient(() => {
      started++;
      return workerFrom(
        'self.onmessage = (e) => { self.postMessage({ id: e.data.id, progress: 0.5 }); setTimeout(() => self.postMessage({ id: e.data.id, answer: "done" }), 50); };',
      );
    });
    const shares: number[] = [];
    const answer = await client(
      { kind: 'analysis', analysis: { kind: 'constraints' } as never },
      (share) => shares.push(share),
    );
    expect(answer).toBe('done');
    expect(shares).toEqual([0.5]);
    const pending = client({ kind: 'analysis', analysis: { kind: 'constraints' } as never });
    client.cancel();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(
      client({ kind: 'analysis', analysis: { kind: 'constraints' } as never }),
    ).resolves.toBe('done');
    expect(started).toBe(2);
  });
});
