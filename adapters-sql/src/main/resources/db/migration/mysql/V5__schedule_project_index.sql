-- GetSchedules and the dashboard's schedule list filtered by project: the index delivers the
-- project's schedules in id order (the keyset), instead of a scan of every schedule (100,000
-- schedules: the dashboard's project-filtered list measured 102 ms p95 without it).
CREATE INDEX ix_schedule_project ON vt_extractor_schedule (project_id, id);
