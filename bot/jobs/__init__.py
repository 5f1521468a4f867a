"""Scheduled work: idempotent sweeps run by the in-process tick, the CLI and the cron endpoint.
"Never twice" is a ledger row per (kind, member, period) written with the outbox row."""
