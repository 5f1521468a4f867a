-- A note keeps the role its author had in the family when writing it, so the weekly digest can
-- count therapists' notes, also after a therapist leaves the family or erases their data (which
-- clears author_id). Set by the database on every insert, whichever code path writes the note.

ALTER TABLE tt.notes
    ADD COLUMN author_role text CHECK (author_role IN ('owner', 'parent', 'therapist'));

UPDATE tt.notes n SET author_role = m.role
FROM tt.memberships m
WHERE m.child_id = n.child_id AND m.user_id = n.author_id;

-- Runs with the writer's rights: under RLS the writer always sees their own membership.
CREATE FUNCTION tt.set_note_author_role() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, tt AS $$
BEGIN
    NEW.author_role := (SELECT role FROM tt.memberships
                        WHERE child_id = NEW.child_id AND user_id = NEW.author_id);
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION tt.set_note_author_role() FROM PUBLIC;

CREATE TRIGGER notes_author_role BEFORE INSERT ON tt.notes
    FOR EACH ROW EXECUTE FUNCTION tt.set_note_author_role();
