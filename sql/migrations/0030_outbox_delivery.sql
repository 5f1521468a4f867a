-- Less log per message (bench/wal_bench.py). Meta reports delivered, then read, for every
-- reply, and each report rewrote the reply's row. `status` is in the predicates of the
-- outbox's partial indexes, so each rewrite also added entries to four of its indexes; the
-- two reports logged half as much again as the message and its reply. What Meta reports
-- after a send now goes in `delivery`, which no index reads, and `status` keeps our own
-- states (pending, sent, failed).
--
-- A change that no index sees stays on its page (heap-only) only if the page has room for
-- the row's new version; a reply's row is about 1 KB, so half of each outbox page is left
-- free for them (claimed, delivered, read), and a third of each inbound page (claimed). The
-- outbox takes about twice the disk it did for the rows it keeps (14 days of sent replies).
ALTER TABLE tt.outbox
    ADD COLUMN delivery text CHECK (delivery IN ('delivered', 'read')),
    SET (fillfactor = 50);
ALTER TABLE tt.inbound_messages SET (fillfactor = 70);

-- `status` still accepts delivered and read: the code before this migration writes them while
-- a deploy rolls out, and again after a rollback (docs/deploy.md, section 7). Both versions
-- read either as sent.
UPDATE tt.outbox SET delivery = status, status = 'sent' WHERE status IN ('delivered', 'read');
