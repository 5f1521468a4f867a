-- Scale-out (issue 14): web processes store, work processes drain, so a row a web process
-- queues must wake a loop in another process. Each statement adding inbound messages or
-- Razorpay events sends one notification on `tt_queued` naming the queue (Postgres folds
-- repeats within a transaction into one and delivers it at commit). A work process listens;
-- the periodic sweeps still find everything if a notification is missed.
--
-- Not the outbox: its rows come from the loops of the work process that sends them (woken in
-- the process), or from scheduled sweeps, which can wait for a sweep. A notifying transaction
-- commits one at a time (Postgres holds a global lock on its notification queue through the
-- commit), which cost a third of the throughput of a reply-queuing transaction.
CREATE FUNCTION tt.notify_queued() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tt_queued', TG_ARGV[0]);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION tt.notify_queued() FROM PUBLIC;

CREATE TRIGGER inbound_queued AFTER INSERT ON tt.inbound_messages
FOR EACH STATEMENT EXECUTE FUNCTION tt.notify_queued('inbound');
CREATE TRIGGER razorpay_queued AFTER INSERT ON tt.razorpay_events
FOR EACH STATEMENT EXECUTE FUNCTION tt.notify_queued('payments');
