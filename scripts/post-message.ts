// `npm run post-message -- --tenant <id> (--all | --family <familyId>) --title <title> (--body <text> | --body-file <file|->) [--api <url>] [--agent <identifiant>]`
// Posts a message of the service (Mes actualités) to one family or to every family of the
// tenant, as an agent, through the running server's agent API (POST …/agent/messages): the
// same checks, rights and e-mails as the back office, and it works while the server holds
// its database (a PGlite folder opens in one process at a time). Each family's parents are
// told by e-mail that a message waits, without its content; the server sends those from
// its outbox after answering.
//
// The agent's password comes from the environment, never the command line (where `ps`
// and the shell's history would show it): AGENT_PASSWORD. --api defaults to
// http://localhost:$PORT/api (PORT 8787, as `npm start`); --agent to agent.demo.
// Exit codes: 0 posted, 1 refused by the server (the reason is printed), 2 wrong usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { agent, createClient, isApiError } from '@famille/sdk';

const usage =
  'usage: AGENT_PASSWORD=… npm run post-message -- --tenant <tenant-id> (--all | --family <family-id>) --title <title> (--body <text> | --body-file <file|->) [--api <url>] [--agent <identifiant>]';
const fail = (message: string): never => {
  console.error(`${message}\n${usage}`);
  process.exit(2);
};
const args = (() => {
  try {
    return parseArgs({
      options: {
        api: { type: 'string' },
        tenant: { type: 'string' },
        agent: { type: 'string', default: 'agent.demo' },
        all: { type: 'boolean', default: false },
        family: { type: 'string' },
        title: { type: 'string' },
        body: { type: 'string' },
        'body-file': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (args.help) {
  console.log(usage);
  process.exit(0);
}
if (!args.tenant || !args.title) fail('--tenant and --title are required');
if (args.all === (args.family !== undefined)) fail('give either --all or --family <family-id>');
if ((args.body === undefined) === (args['body-file'] === undefined)) fail('give either --body or --body-file');
const password = process.env['AGENT_PASSWORD'];
if (!password) fail('set the agent’s password in AGENT_PASSWORD');

const file = args['body-file'];
const body = file === undefined ? args.body! : readFileSync(file === '-' ? 0 : file, 'utf8');
const baseUrl = args.api ?? `http://localhost:${process.env['PORT'] ?? 8787}/api`;
const client = createClient({ baseUrl, tenant: args.tenant!, auth: 'token' });

try {
  await agent(client).login({ identifiant: args.agent, password: password! });
  const posted = await agent(client).postMessage({
    audience: args.all ? 'all' : 'family',
    ...(args.family !== undefined && { familyId: args.family }),
    title: args.title!,
    body,
  });
  console.log(
    `Message ${posted.id} « ${posted.title} » posted to ${posted.recipients} ${posted.recipients > 1 ? 'families' : 'family'} of ${args.tenant}; the e-mails are in the server's outbox.`,
  );
} catch (error) {
  if (!isApiError(error)) throw error;
  const fields = error.fieldErrors.map((e) => `\n  ${e.path}: ${e.code}`).join('');
  console.error(`${baseUrl}: ${error.message}${fields}`);
  process.exitCode = 1;
}
