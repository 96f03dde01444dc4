-- TOTP second factors: the secret only encrypted (AES-GCM, app.second-factor.encryption-key), as
-- KEYID:BASE64(nonce || ciphertext || tag), bound to its account by the associated data.
create table totp_credential (
    account_id  uuid primary key references account (id) on delete cascade,
    secret      varchar(200) not null,
    enrolled_at timestamp with time zone not null
);

-- Recovery codes: SHA-256 of each code only (80 random bits each, so no slow hash is needed); a used code
-- keeps its row with used_at set until the next set replaces them all.
create table recovery_code (
    account_id uuid        not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    created_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    primary key (account_id, code_hash)
);
