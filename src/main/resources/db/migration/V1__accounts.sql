-- Accounts. email_key is the lookup form (NFKC + lower case, see EmailAddress); email is what mail goes to.
create table account (
    id                  uuid primary key,
    email               varchar(320) not null,
    email_key           varchar(320) not null,
    display_name        varchar(200) not null,
    language            varchar(8)   not null,
    password_hash       varchar(255) not null,
    roles               varchar(200) not null,
    credential_version  bigint       not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    password_changed_at timestamp with time zone not null,
    constraint account_email_key_unique unique (email_key)
);

-- Earlier password hashes, for app.password.history.
create table password_history (
    account_id    uuid         not null references account (id) on delete cascade,
    password_hash varchar(255) not null,
    replaced_at   timestamp with time zone not null
);
create index password_history_account on password_history (account_id, replaced_at);
