-- The day this month's package began, asked at setup: logging and backfill reach back to it.
-- NULL when the family only knew how many sessions were used before tracking (mid-month) and
-- for plans stored before this question existed. It always lies in the plan's own month.

ALTER TABLE tt.plans
    ADD COLUMN starts_on date
        CHECK (starts_on IS NULL OR date_trunc('month', starts_on)::date = month);
