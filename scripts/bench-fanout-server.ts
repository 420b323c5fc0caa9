// The baseline of `npm run bench:realtime`: the least a server can do to deliver a board event,
// a plain WebSocket fan-out of a ready message (no GraphQL, no access checks, no database).
// POST /broadcast sends the request body to every open socket.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

const server = createServer((request, response) => {
  if (request.method !== 'POST' || request.url !== '/broadcast') return void response.writeHead(404).end();
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const message = Buffer.concat(chunks).toString();
    for (const socket of sockets.clients) if (socket.readyState === WebSocket.OPEN) socket.send(message);
    response.writeHead(204).end();
  });
});
const sockets = new WebSocketServer({ server });
server.listen(0, '127.0.0.1', () => console.log(`Fan-out baseline running at http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => process.exit(0));
