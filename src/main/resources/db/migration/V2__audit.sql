-- Append-only audit trail. The chained core (hash) covers every column but the personal ones;
-- those are sealed by personal_digest, a SHA-256 over them and a random per-event salt, so that
-- erasing them (GDPR Art. 17) removes the salt too and leaves the chain verifiable.
create table audit_event (
    id              bigint       primary key,
    occurred_at     timestamp with time zone not null,
    type            varchar(40)  not null,
    outcome         varchar(16)  not null,
    reason          varchar(200),
    actor           varchar(80)  not null,
    request_id      varchar(64),
    account_id      uuid,
    subject_hash    varchar(64),
    client_address  varchar(100),
    user_agent      varchar(200),
    personal_salt   varchar(64),
    personal_digest varchar(64)  not null,
    erased_at       timestamp with time zone,
    prev_hash       varchar(64)  not null,
    hash            varchar(64)  not null
);
create index audit_event_time on audit_event (occurred_at);
create index audit_event_account on audit_event (account_id, id);
create index audit_event_subject on audit_event (subject_hash, id);

-- One row: the head of the chain. Writers lock it so that events chain in one order across instances.
-- base_id/base_hash: where the retained chain starts (moved forward by the retention job).
create table audit_chain_head (
    singleton boolean     primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null,
    base_id   bigint      not null,
    base_hash varchar(64) not null
);
insert into audit_chain_head (singleton, last_id, last_hash, base_id, base_hash)
values (true, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        0, '0000000000000000000000000000000000000000000000000000000000000000');
