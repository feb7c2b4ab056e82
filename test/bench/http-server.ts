/**
 * The baseline of the HTTP benchmark, in its own process: a bare Express 5 endpoint that parses
 * the same JSON body and answers a constant. The runtime side is runtime-child.ts.
 */
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.post('/api/runtime/:division/items/:code/evaluate', express.json({ limit: '1mb' }), (_req, res) => {
  res.json({ outcome: 'accept' });
});
const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
