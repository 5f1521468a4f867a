-- Scale-out (issue 14): web processes store, work processes drain, so a new queue row must
-- wake a loop in another process. Every statement that adds rows to a queue a loop drains
-- sends one notification on `tt_queued` naming the queue (Postgres folds repeats within a
-- transaction into one and delivers it at commit). A work process listens; the periodic
-- sweeps still find everything if a notification is missed.
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
CREATE TRIGGER outbox_queued AFTER INSERT ON tt.outbox
FOR EACH STATEMENT EXECUTE FUNCTION tt.notify_queued('outbox');
CREATE TRIGGER razorpay_queued AFTER INSERT ON tt.razorpay_events
FOR EACH STATEMENT EXECUTE FUNCTION tt.notify_queued('payments');
