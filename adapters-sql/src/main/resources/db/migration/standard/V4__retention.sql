-- Retention (the reconciler's prune step): delivered outbox events go by age, oldest first.
-- Settled runs go through ix_run_due (status, fire_at), finished tasks through ix_task_finished
-- and their children through ix_task_parent, history through ix_history_task.
CREATE INDEX ix_outbox_occurred ON activity_outbox (occurred_at, seq);
