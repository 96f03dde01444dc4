-- Delivery of audit events to other systems (signed webhooks, Security Event Tokens). The audit trail itself is
-- the durable queue: ids are given under the chain-head lock, so commit order is id order, and each receiver
-- keeps one cursor row here: the last event id it was given, the failed attempts at the next one, and which
-- instance holds the lease to deliver (so two instances never deliver to one receiver at once).
-- target_key is the SHA-256 of the receiver's kind and URL; the URL itself (it may carry a token) is not stored.
create table security_event_cursor (
    target_key      varchar(64)  primary key,
    label           varchar(100) not null,
    last_event_id   bigint       not null,
    attempts        int          not null,
    next_attempt_at timestamp with time zone,
    lease_owner     varchar(100),
    lease_until     timestamp with time zone,
    updated_at      timestamp with time zone not null
);

-- Events a receiver never accepted within its attempts (SECURITY_EVENT_FAILED is audited with them).
create table security_event_dead_letter (
    target_key  varchar(64)  not null,
    event_id    bigint       not null,
    label       varchar(100) not null,
    attempts    int          not null,
    last_error  varchar(100) not null,
    failed_at   timestamp with time zone not null,
    primary key (target_key, event_id)
);
