-- Notes: a size bound on note bodies, a link from a note to the voice note it was written
-- from, and voice notes themselves: the recording (encrypted, kept a bounded number of days),
-- its transcript (encrypted), the flow step it answered, and a retry schedule for the
-- background job that downloads it from Meta and transcribes it.

CREATE TABLE tt.voice_notes (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    child_id         bigint REFERENCES tt.children (id) ON DELETE CASCADE,
    inbound_id       bigint UNIQUE REFERENCES tt.inbound_messages (id) ON DELETE SET NULL,
    phone_number_id  text NOT NULL CHECK (length(phone_number_id) <= 64),
    media_id         text NOT NULL CHECK (length(media_id) BETWEEN 1 AND 512),
    flow             text CHECK (length(flow) <= 64),
    step             text CHECK (length(step) <= 64),
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'transcribed', 'untranscribed')),
    audio_state      text NOT NULL DEFAULT 'pending'
                     CHECK (audio_state IN ('pending', 'held', 'unavailable', 'deleted')),
    audio            bytea CHECK (octet_length(audio) <= 24000000),
    mime_type        text CHECK (length(mime_type) <= 128),
    audio_keep_until timestamptz,
    transcript       bytea CHECK (octet_length(transcript) <= 200000),
    asked_at         timestamptz,
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    last_error       text CHECK (length(last_error) <= 200),
    created_at       timestamptz NOT NULL DEFAULT now(),
    transcribed_at   timestamptz,
    CHECK ((audio IS NOT NULL) = (audio_state = 'held')),
    CHECK (audio_state <> 'held' OR audio_keep_until IS NOT NULL),
    CHECK ((step IS NULL) = (flow IS NULL))
);
CREATE INDEX voice_notes_due_idx ON tt.voice_notes (next_attempt_at)
    WHERE status <> 'transcribed' OR audio_state = 'pending';
CREATE INDEX voice_notes_audio_idx ON tt.voice_notes (audio_keep_until)
    WHERE audio_state = 'held';
CREATE INDEX voice_notes_user_idx ON tt.voice_notes (user_id);

ALTER TABLE tt.notes
    ADD COLUMN voice_note_id bigint UNIQUE REFERENCES tt.voice_notes (id) ON DELETE SET NULL,
    ADD CONSTRAINT notes_body_size CHECK (octet_length(body) <= 16384);

ALTER TABLE tt.voice_notes ENABLE ROW LEVEL SECURITY;

-- A user records and reads their own voice notes; the recording and transcript columns are
-- for the system job only.
CREATE POLICY voice_notes_app ON tt.voice_notes FOR ALL TO tt_app
    USING (user_id = tt.acting_user_id())
    WITH CHECK (user_id = tt.acting_user_id()
                AND (child_id IS NULL OR child_id IN (SELECT tt.my_child_ids())));
CREATE POLICY voice_notes_system ON tt.voice_notes FOR ALL TO tt_system
    USING (true) WITH CHECK (true);

REVOKE ALL ON tt.voice_notes FROM PUBLIC;
GRANT SELECT (id, user_id, child_id, inbound_id, flow, step, status, created_at),
      INSERT (user_id, child_id, inbound_id, phone_number_id, media_id, flow, step)
    ON tt.voice_notes TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tt.voice_notes TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.voice_notes FROM %I', r);
        END IF;
    END LOOP;
END
$$;
