import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchContext } from '../types.js';

/** The floor: a bare node:http server that answers every request with the given bytes. */
export async function startBareServer(context: BenchContext, body: string, contentType: string): Promise<string> {
  const bytes = Buffer.from(body);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    response.end(bytes);
  });
  context.defer(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}
