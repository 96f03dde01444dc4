-- Operator-requested removals of a lost second factor (SPEC §15): at most one pending per account. The
-- factors go when effective_at has passed, unless the holder cancels (the mailed link, or a sign-in with a
-- factor), which deletes the row. cancel_token_hash is the SHA-256 of the id of the mailed cancel token (set
-- when the notice is sent; null before, and then nothing is removed); requested_by is the operator's account
-- id, kept without a foreign key like the audit trail's actor.
create table second_factor_removal (
    account_id        uuid primary key references account (id) on delete cascade,
    requested_at      timestamp with time zone not null,
    effective_at      timestamp with time zone not null,
    requested_by      uuid,
    cancel_token_hash varchar(64)
);

create index second_factor_removal_due on second_factor_removal (effective_at);
