// The local fake PayFiP service over HTTP, so that `payfip` mode can be tried on a fresh machine.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createFakePayfip, type FakePayfip, type FakePayfipOptions } from './payfip-fake.ts';

export interface RunningFakePayfip {
  /** e.g. `http://127.0.0.1:8788`: SOAP at `${url}/tpa/services/securite`, page at `${url}/tpa/paiementws.web`. */
  readonly url: string;
  readonly serviceUrl: string;
  readonly paymentPageUrl: string;
  readonly fake: FakePayfip;
  close(): Promise<void>;
}

/** Starts `createFakePayfip` on 127.0.0.1 (default port 0: a free one). Never the real service. */
export async function startFakePayfip(options: FakePayfipOptions & { readonly port?: number } = {}): Promise<RunningFakePayfip> {
  const fake = createFakePayfip(options);
  const server = serve({ fetch: fake.fetch, port: options.port ?? 0, hostname: '127.0.0.1' });
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    serviceUrl: `${url}/tpa/services/securite`,
    paymentPageUrl: `${url}/tpa/paiementws.web`,
    fake,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      }),
  };
}
