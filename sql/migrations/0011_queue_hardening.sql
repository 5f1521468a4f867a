-- Queues that lose, double or wedge nothing (issue 10), and indexes for the retention sweep.

-- A reply is retried for as long as it is still useful (a free-form reply while the 24-hour
-- window is open, a template for a day), so its attempts may run to hundreds at a capped
-- backoff. `errors` counts failures of our own code instead, which are capped at a few.
ALTER TABLE tt.outbox
    DROP CONSTRAINT outbox_attempts_check,
    ADD CONSTRAINT outbox_attempts_check CHECK (attempts BETWEEN 0 AND 10000),
    ADD COLUMN errors integer NOT NULL DEFAULT 0 CHECK (errors BETWEEN 0 AND 100);

-- Family notices are claimed like every other queue (sql/queue.py): a line that keeps failing
-- is retried a few times and then kept as dead with its reason, so it no longer holds up the
-- notices of everyone else. A flushed line is deleted as before.
ALTER TABLE tt.pending_notices
    ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dead')),
    ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN claim_token uuid,
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN last_error text CHECK (length(last_error) <= 200);
CREATE INDEX pending_notices_pending_id_idx ON tt.pending_notices (id) WHERE status = 'pending';

-- The retention sweep (bot/scheduler.py) deletes finished rows by age, in batches.
CREATE INDEX inbound_finished_idx ON tt.inbound_messages (received_at) WHERE status <> 'pending';
CREATE INDEX outbox_finished_idx ON tt.outbox (created_at) WHERE status <> 'pending';
CREATE INDEX send_pacing_updated_idx ON tt.send_pacing (updated_at);
-- Deleting an inbound row sets outbox.inbound_id to NULL; without this each one scans the outbox.
CREATE INDEX outbox_inbound_idx ON tt.outbox (inbound_id) WHERE inbound_id IS NOT NULL;
