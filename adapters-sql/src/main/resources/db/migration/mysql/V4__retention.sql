-- Retention; see ../standard/V4 for why.
CREATE INDEX ix_outbox_occurred ON activity_outbox (occurred_at, seq);
-- finished roots oldest first (parent_id IS NULL, finished_at < cutoff): the index delivers the order
CREATE INDEX ix_task_root_finished ON tasks (parent_id, finished_at, id);
