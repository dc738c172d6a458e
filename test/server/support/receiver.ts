// A loopback HTTP receiver for sink tests that can be taken down (connection refused) and brought back on
// the same port, recording every request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer for each request (default 200). */
  answer: (r: Received) => { status: number; body?: string };
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  let server: Server | undefined;
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => ({ status: 200 }),
    async up() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
          const { status, body } = receiver.answer(r);
          if (status >= 200 && status < 300) receiver.received.push(r);
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(body ?? '{}');
        });
      });
      const port = receiver.url ? Number(new URL(receiver.url).port) : 0;
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async down() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    },
    close: () => receiver.down(),
  };
  await receiver.up();
  return receiver;
}
