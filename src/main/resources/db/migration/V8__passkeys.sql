-- Passkeys (WebAuthn), in the tables Spring Security's JdbcPublicKeyCredentialUserEntityRepository and
-- JdbcUserCredentialRepository read and write (its user-entities-schema.sql and user-credentials-schema.sql),
-- adapted to run on H2 and PostgreSQL alike: bytea (which H2 reads as binary varying) for blob,
-- timestamps carry their zone like every other table here, and both tables hang on the account.

-- One row per account that ever asked to add a passkey. id: the WebAuthn user handle (64 random bytes,
-- base64url), never the account id; name: the account id (the principal name); account_id: the same
-- account as a real reference, filled by our repository, so that deleting an account deletes its passkeys.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(100)  not null unique,
    display_name varchar(200),
    account_id   uuid references account (id) on delete cascade
);

-- One row per passkey. credential_id: base64url of the authenticator's credential id; public_key: the
-- COSE key. label is the name the holder gave it (at most 64 characters, checked before it is stored).
create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp with time zone,
    last_used                    timestamp with time zone,
    label                        varchar(1000) not null
);

create index user_credentials_user on user_credentials (user_entity_user_id);
