// The Node entry for tests: a real HTTP server on a free port of 127.0.0.1, with the
// tests' cheap password hashing and a logger whose lines the test can read.
import { createJsonLogger, type LogEntry } from '@famille/server';
import { createNodeScryptHasher, startServer, type RunningServer, type ServerOptions } from '@famille/server/node';
import { testHasherCost } from './app.ts';

export async function startTestServer(options: ServerOptions): Promise<{ server: RunningServer; lines: LogEntry[] }> {
  const lines: LogEntry[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    hasher: createNodeScryptHasher({ params: testHasherCost }),
    logger: createJsonLogger({ write: (line) => void lines.push(JSON.parse(line) as LogEntry) }),
    // The tests read the e-mails there; a real deployment asks for it explicitly or not at all.
    devOutbox: true,
    ...options,
  });
  return { server, lines };
}
