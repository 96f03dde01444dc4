-- The holder's lockdown ("This wasn't me"): while set, the password does not sign in; a password
-- set through a reset link clears it. Its history is the audit trail (ACCOUNT_LOCKED_BY_HOLDER,
-- then PASSWORD_CHANGED).
alter table account add column locked_down_at timestamp with time zone;
