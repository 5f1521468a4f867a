-- Import from the original bot (issue 14): which of its rows became which of ours, so a rerun
-- of `python -m bot import-legacy` adds nothing, and a family or member erased here is never
-- brought back by importing again. Written in the same transaction as the rows it names.
-- No phone numbers or text: a kind, the original's id, and ours: the row's id, or for rows
-- written in bulk (sessions, notes) the id of the child they went into.

CREATE TABLE tt.legacy_imports (
    kind        text NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
    legacy_id   bigint NOT NULL,
    target      text NOT NULL CHECK (length(target) BETWEEN 1 AND 128),
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, legacy_id)
);

ALTER TABLE tt.legacy_imports ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY legacy_imports_system ON tt.legacy_imports FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
REVOKE ALL ON tt.legacy_imports FROM PUBLIC;
GRANT SELECT, INSERT ON tt.legacy_imports TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.legacy_imports FROM %I', r);
        END IF;
    END LOOP;
END
$$;
