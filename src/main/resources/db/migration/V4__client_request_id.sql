-- The X-Request-Id a client sent, kept apart from the service's own request_id (which the chain
-- covers and which only the service assigns). Client-chosen text: erased with the personal fields
-- and sealed by personal_digest when present (older rows, without it, still verify).
alter table audit_event add column client_request_id varchar(64);
