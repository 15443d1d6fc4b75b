import type { Migration } from './index.ts';

/**
 * Mes actualités: a message of the service (`family_messages`) and one row per family it
 * went to (`family_message_recipients`), written at posting time: a broadcast is one
 * INSERT … SELECT over the tenant's families, a family's list and unread count read its
 * own rows only (a family created later does not get older broadcasts), and each family
 * marks its own copy read.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'family_messages',
  statements: [
    `create table family_messages (
      tenant_id text not null,
      id uuid not null,
      audience text not null,
      title text not null,
      body text not null,
      agent_id uuid not null,
      sent_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, agent_id) references agents (tenant_id, id)
    )`,
    `create table family_message_recipients (
      tenant_id text not null,
      message_id uuid not null,
      family_id uuid not null,
      sent_at timestamptz not null,
      read_at timestamptz,
      primary key (tenant_id, message_id, family_id),
      foreign key (tenant_id, message_id) references family_messages (tenant_id, id) on delete cascade,
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index family_message_recipients_family on family_message_recipients (tenant_id, family_id, sent_at desc)`,
  ],
};
