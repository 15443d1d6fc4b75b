// One server process for the multi-instance tests: the real Node entry (`startServer`),
// configured by the environment (DATABASE_URL, PAYMENT_*, PAYFIP_*, ALLOWED_ORIGINS…) like
// `main.ts`, on a free port of 127.0.0.1. It loads, says `{"msg":"ready"}`, and starts when
// a line arrives on stdin, so that the test can start two at the same moment. Logs are the
// server's JSON lines on stdout; SIGTERM closes it (exit 0).
import { createInterface } from 'node:readline';
import { createNodeScryptHasher, startServer } from '@famille/server/node';

const input = createInterface({ input: process.stdin });
const go = new Promise<void>((start) => input.once('line', () => start()));
process.stdout.write(`${JSON.stringify({ msg: 'ready', pid: process.pid })}\n`);
await go;
input.close();

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  // The format and the code path are the real ones, the cost is not (as in the other tests).
  hasher: createNodeScryptHasher({ params: { N: 2 ** 10, r: 8, p: 1 } }),
  // Pending payments are asked about at every poll, however recent.
  pollMinAgeSeconds: 0,
});
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
