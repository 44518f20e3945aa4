-- Rate-limit windows are counters, not records: no WAL for them (cheaper on the petition's hot
-- path, and their commits never wait for a disk flush). A crash empties the table, which only
-- restarts the windows. Not replicated to standbys either, for the same reason.
ALTER TABLE "rate_limits" SET UNLOGGED;
