-- Retention; see ../standard/V4 for why.
CREATE INDEX ix_outbox_occurred ON activity_outbox (occurred_at, seq);
