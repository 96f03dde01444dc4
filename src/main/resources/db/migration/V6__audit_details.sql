-- Typed facts of an event beyond its reason code (trigger, count, expiry): a small JSON object of
-- strings and numbers, written by AuditLog, never personal data nor a secret. Part of the chained
-- core, hashed only when present, so rows from before (details null) verify unchanged. Plain text,
-- not jsonb: the hash covers the exact stored text, which jsonb would re-normalise.
alter table audit_event add column details varchar(500);
