-- Retention (the reconciler's prune step): delivered outbox events go by age, oldest first.
-- Settled runs go through ix_run_due (status, fire_at; a batch takes any old ones, unordered, so
-- no sort reads the whole backlog), finished roots through ix_task_root_finished below and their
-- children through ix_task_parent, history through ix_history_task.
CREATE INDEX ix_outbox_occurred ON activity_outbox (occurred_at, seq);
-- finished roots oldest first (parent_id IS NULL, finished_at < cutoff): the index delivers the order
CREATE INDEX ix_task_root_finished ON tasks (parent_id, finished_at, id);
