-- The web process's request id travels with each message it stored, so the work process's
-- log lines for that message carry the same request_id as the webhook's (issue 14: every
-- line names its request and message, across processes). Nullable: rows stored before this,
-- and messages that came in other ways, have none. Adding a nullable column rewrites nothing.
ALTER TABLE tt.inbound_messages ADD COLUMN request_id text;
