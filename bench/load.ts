// A minimal keep-alive HTTP/1.1 load generator over raw sockets: N connections, each sending its
// next request as soon as the previous answer is complete. Lighter than node:http's client, so the
// load generator does not steal the CPU the servers under test need on a small machine.
import net from 'node:net';

export type LoadResult = { requests: number; ok: number; errors: number; statuses: Record<number, number>; seconds: number; rps: number; p50: number; p99: number; latencies: number[] };

export type LoadOptions = {
  port: number;
  connections: number;
  durationMs: number;
  /** Builds the full request (head and body) for the i-th request. */
  request: (i: number) => Buffer;
  /** Called with the request index of every 2xx answer. */
  onOk?: (i: number) => void;
};

const CRLF2 = Buffer.from('\r\n\r\n');

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + options.durationMs;

  const worker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let socket: net.Socket;
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      let current = -1;
      let finished = false;

      const send = (): void => {
        if (performance.now() >= deadline) {
          finished = true;
          socket.end();
          resolve();
          return;
        }
        current = next++;
        sentAt = performance.now();
        socket.write(options.request(current));
      };
      const connect = (): void => {
        buffer = Buffer.alloc(0);
        socket = net.connect({ port: options.port, host: '127.0.0.1', noDelay: true }, send);
        socket.on('data', (chunk: Buffer) => {
          buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
          while (true) {
            const end = buffer.indexOf(CRLF2);
            if (end < 0) return;
            const head = buffer.subarray(0, end).toString('latin1');
            const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
            if (buffer.length < end + 4 + length) return;
            buffer = buffer.subarray(end + 4 + length);
            const status = Number(head.slice(9, 12));
            statuses[status] = (statuses[status] ?? 0) + 1;
            latencies.push(performance.now() - sentAt);
            if (status >= 200 && status < 300) {
              ok++;
              options.onOk?.(current);
            }
            send();
            if (finished) return;
          }
        });
        socket.on('error', () => {
          errors++;
        });
        socket.on('close', () => {
          if (!finished) {
            if (performance.now() >= deadline) {
              finished = true;
              resolve();
            } else connect();
          }
        });
      };
      connect();
    });

  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { requests: latencies.length, ok, errors, statuses, seconds, rps: latencies.length / seconds, p50: pct(50), p99: pct(99), latencies };
}
