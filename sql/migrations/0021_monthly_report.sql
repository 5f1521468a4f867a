-- The monthly PDF push (issue 12): on the 1st in the family's zone, the month just ended goes
-- to each owner and parent who keeps it on, as a WhatsApp document. On unless a member turns it
-- off in settings; only owners and parents ever receive it, so a therapist's value is unused.
-- The ledger (tt.scheduled_sends, 0019) keeps it to one per member, child and month.
ALTER TABLE tt.users ADD COLUMN monthly_report boolean NOT NULL DEFAULT true;
GRANT UPDATE (monthly_report) ON tt.users TO tt_app;
