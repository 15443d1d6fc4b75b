// The reference server for `npm run bench`: the Node entry (options from the environment,
// as `npm run serve`), with the per-address login cap lifted, since the load generator
// sends everything from 127.0.0.1. Never for a real deployment.
import { startServer } from '@famille/server/node';

await startServer({ config: { throttle: { ip: { maxFailures: 1_000_000_000, windowSeconds: 60 } } } });
// A clean exit on the bench's SIGTERM, so that `--cpu-prof` in NODE_OPTIONS writes the server's profile.
process.on('SIGTERM', () => process.exit(0));
