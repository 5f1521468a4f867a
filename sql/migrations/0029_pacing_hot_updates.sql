-- Every send takes a token from two buckets (the number's and the person's), and each take
-- sets updated_at. Its index (0011, for the retention sweep) kept every one of those updates
-- from being heap-only (HOT): each wrote a new entry into both of the table's indexes, about a
-- seventh of the WAL a message cost (bench/README.md). The table holds one row per number and
-- per person written to within a day, so the sweep's scan needs no index; room left free on
-- each page lets the updates stay on it.
DROP INDEX tt.send_pacing_updated_idx;
ALTER TABLE tt.send_pacing SET (fillfactor = 50);
