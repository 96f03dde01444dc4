-- The data processing agreement an account accepted last: its version (app.privacy.dpa-version at the time) and
-- when. A newer version asks again; the history of acceptances is in the audit trail (DPA_ACCEPTED).
create table dpa_acceptance (
    account_id  uuid        primary key references account (id) on delete cascade,
    version     varchar(40) not null,
    accepted_at timestamp with time zone not null
);

-- Which cookie categories an account's webinar pages may place ("necessary" always may, so it has no column).
-- No row: the defaults (only necessary cookies). Read publicly by id, so it holds no personal data.
create table webinar_cookie_settings (
    account_id uuid    primary key references account (id) on delete cascade,
    functional boolean not null,
    analytics  boolean not null,
    marketing  boolean not null,
    changed_at timestamp with time zone not null
);
