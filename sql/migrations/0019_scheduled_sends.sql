-- Scheduled work (issue 12): "never twice" lives here, not in the scheduler. Every sweep
-- writes one ledger row per (kind, member, period) in the same transaction as the outbox row
-- it queues, so two instances, a rerun, the in-process tick and an external cron racing, or a
-- deploy overlap, produce one message. Each run of a job keeps its counts for operators.
-- Only the system role touches either table.

-- What members and families choose: a weekly digest (off unless asked for, on the member's
-- day and hour), and when a package counts as running low (sessions left, per child).
ALTER TABLE tt.users
    ADD COLUMN digest_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN digest_day smallint NOT NULL DEFAULT 7 CHECK (digest_day BETWEEN 1 AND 7),
    ADD COLUMN digest_hour smallint NOT NULL DEFAULT 18 CHECK (digest_hour BETWEEN 0 AND 23);
GRANT UPDATE (digest_enabled, digest_day, digest_hour) ON tt.users TO tt_app;
ALTER TABLE tt.children
    ADD COLUMN low_package_at smallint NOT NULL DEFAULT 2 CHECK (low_package_at BETWEEN 0 AND 62);
GRANT UPDATE (low_package_at) ON tt.children TO tt_app;

CREATE TABLE tt.scheduled_sends (
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
    user_id     bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    period_key  text NOT NULL CHECK (length(period_key) BETWEEN 1 AND 64),
    decided     text NOT NULL CHECK (length(decided) BETWEEN 1 AND 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, user_id, period_key)
);
CREATE INDEX scheduled_sends_created_idx ON tt.scheduled_sends (created_at);
-- the sweep looks up "already decided for this member today" by user first
CREATE INDEX scheduled_sends_user_idx ON tt.scheduled_sends (user_id, kind, period_key);

CREATE TABLE tt.job_runs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job         text NOT NULL CHECK (length(job) BETWEEN 1 AND 32),
    as_of       timestamptz NOT NULL,
    dry_run     boolean NOT NULL DEFAULT false,
    counts      jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (pg_column_size(counts) <= 4096),
    started_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX job_runs_job_idx ON tt.job_runs (job, id DESC);

ALTER TABLE tt.scheduled_sends ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.job_runs ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
-- system policies hold for tt_system itself, not for the login role that inherits it (0013)
CREATE POLICY scheduled_sends_system ON tt.scheduled_sends FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY job_runs_system ON tt.job_runs FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
REVOKE ALL ON tt.scheduled_sends, tt.job_runs FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON tt.scheduled_sends TO tt_system;
GRANT SELECT, INSERT, DELETE ON tt.job_runs TO tt_system;
-- only so the retention sweep may lock the rows it deletes (SELECT … FOR UPDATE SKIP LOCKED)
GRANT UPDATE (created_at) ON tt.scheduled_sends TO tt_system;
GRANT UPDATE (finished_at) ON tt.job_runs TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.scheduled_sends, tt.job_runs FROM %I', r);
        END IF;
    END LOOP;
END
$$;
