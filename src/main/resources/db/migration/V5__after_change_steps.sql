-- Steps that must follow a committed credential change (revoke reset links, end sessions, queue the notice),
-- written in the change's own transaction and deleted once done; until then AfterChangeWorker retries them.
-- detail holds what the step needs (form-encoded), never a secret: a kept session is named by its SHA-256.
create table after_change_step (
    id              uuid         primary key,
    account_id      uuid         not null references account (id) on delete cascade,
    kind            varchar(40)  not null,
    detail          varchar(2000) not null,
    request_id      varchar(100),
    created_at      timestamp with time zone not null,
    attempts        int          not null,
    next_attempt_at timestamp with time zone not null
);
create index after_change_step_due on after_change_step (next_attempt_at);
