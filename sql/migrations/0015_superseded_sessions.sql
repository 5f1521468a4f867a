-- A replace never deletes what a member logged: the entries it replaces are set aside as
-- superseded (superseded_at), pointing at the entry that replaced them (superseded_by; NULL
-- when a holiday replaced them). Every count, report, export and status reads live rows only
-- (superseded_at IS NULL), and so must any unique index on sessions. `undo` of the replacing
-- entry brings them back and deletes only that entry.
--
-- Erasure is unchanged: a family that is deleted takes every row with it, superseded or not;
-- in a family that is kept, forget_authorship already clears logged_by on every row.

ALTER TABLE tt.sessions
    ADD COLUMN superseded_at timestamptz,
    -- NO ACTION: the replacing entry cannot go while what it replaced still points at it
    -- (undo restores them first); a child's deletion takes both in one statement.
    ADD COLUMN superseded_by bigint REFERENCES tt.sessions (id),
    ADD CONSTRAINT sessions_superseded_by_needs_at
        CHECK (superseded_by IS NULL OR superseded_at IS NOT NULL);

CREATE INDEX sessions_superseded_by_idx ON tt.sessions (superseded_by)
    WHERE superseded_by IS NOT NULL;

-- A member hard-deletes only an entry they logged themselves (undo); another member's entry
-- can only be set aside. Deleting a child (erasure, as tt_system) is not held by this.
CREATE POLICY sessions_app_delete_own ON tt.sessions AS RESTRICTIVE FOR DELETE TO tt_app
    USING (logged_by = tt.acting_user_id());
