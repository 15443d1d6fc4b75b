import * as z from 'zod/mini';
import { id, instant, text, wholeNumber } from './fields.ts';
import { nextPage, pageQuery } from './pages.ts';

// Mes actualités: messages the service posts to one family or to all the tenant's families.
// Each family reads its own copy, marked read on its own; the e-mail that announces one
// says only that a message is waiting, never what it says.

const messageId = () => z.string().check(z.meta({ description: 'The message’s id', examples: ['6a1f0c3e-7b2d-4e9a-8c5f-1d2e3f4a5b6c'] }));
const title = () => z.string().check(z.meta({ description: 'Its title', examples: ['Fermeture des crèches le 26 décembre'] }));
const sentAt = () => instant().check(z.describe('When the service posted it (UTC instant)'));
const MessageAudience = z.enum(['family', 'all']);

/** What an agent posts: to one family (`familyId`) or to every family of the tenant. */
export const MessageInput = z
  .object({
    audience: MessageAudience.check(
      z.describe('`family`: to the family `familyId` only; `all`: to every family of the tenant (each reads and marks its own copy)'),
    ),
    familyId: z
      .optional(id)
      .check(z.describe('The family, with `audience: family` (field error `required` without it, `unknown_reference` for another tenant’s)')),
    title: text(120).check(z.meta({ description: 'The title, one line, 1 to 120 characters', examples: ['Fermeture des crèches le 26 décembre'] })),
    body: text(5000).check(z.describe('The message, 1 to 5000 characters; line breaks are kept')),
  })
  .register(z.globalRegistry, {
    id: 'MessageInput',
    description: 'A message of the service to one family or to all of the tenant’s families',
    examples: [
      {
        audience: 'all',
        title: 'Fermeture des crèches le 26 décembre',
        body: 'Les structures petite enfance seront fermées le vendredi 26 décembre.\nBonnes fêtes de fin d’année !',
      },
      {
        audience: 'family',
        familyId: '2b7c9d1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e',
        title: 'Votre dossier',
        body: 'Merci de passer au guichet avec votre livret de famille.',
      },
    ],
  });
export type MessageInput = z.input<typeof MessageInput>;

export const PostedMessage = z
  .object({
    id: messageId(),
    title: title(),
    audience: MessageAudience.check(z.describe('`family` or `all`')),
    sentAt: sentAt(),
    recipients: wholeNumber().check(z.meta({ description: 'How many families received it', examples: [412] })),
  })
  .register(z.globalRegistry, {
    id: 'PostedMessage',
    description: 'A message posted, and how many families received it (each family’s e-mail goes through the outbox)',
  });
export type PostedMessage = z.infer<typeof PostedMessage>;

export const MessageSummary = z
  .object({
    id: messageId(),
    title: title(),
    sentAt: sentAt(),
    read: z.boolean().check(z.describe('The family has opened it')),
  })
  .register(z.globalRegistry, { id: 'MessageSummary', description: 'A message in the family’s list (without its text)' });
export type MessageSummary = z.infer<typeof MessageSummary>;

export const MessageList = z
  .object({
    messages: z.array(MessageSummary).check(z.describe('A page of the family’s messages, newest first')),
    unread: wholeNumber().check(z.meta({ description: 'How many of all the family’s messages are unread', examples: [1] })),
    ...nextPage,
  })
  .register(z.globalRegistry, { id: 'MessageList', description: 'A page of the family’s messages (Mes actualités), and the unread count' });
export type MessageList = z.infer<typeof MessageList>;

export const MessageListQuery = z.object({ ...pageQuery(20) });
export type MessageQuery = z.output<typeof MessageListQuery>;

export const Message = z
  .object({
    id: messageId(),
    title: title(),
    body: z.string().check(z.describe('The message, with its line breaks')),
    sentAt: sentAt(),
    readAt: instant().check(z.describe('When the family first opened it (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'Message', description: 'A message of the service, as the family reads it (reading it marks it read)' });
export type Message = z.infer<typeof Message>;
