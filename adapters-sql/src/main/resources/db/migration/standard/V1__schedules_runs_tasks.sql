-- Schema for PostgreSQL and H2 (standard SQL both accept). MySQL/MariaDB: ../mysql/, same
-- tables and indexes with MySQL types. jOOQ's classes are generated from this file.
--
-- Conventions:
--  * *_at and *_until columns are UTC instants in TIMESTAMP(6) (microseconds). A zone-less type
--    with UTC values behaves the same on every vendor whatever the session time zone (MySQL has
--    no zoned type; its TIMESTAMP ends in 2038), so one jOOQ model serves all three.
--  * *_local columns are wall-clock date-times of the schedule's own zone (not instants).
--  * No foreign keys: schedules are only ever soft-deleted, runs and tasks keep a copy of the
--    report reference, and the stores stay usable on their own (port contract tests).

-- Schedules. The timing is kept as columns rather than one encoded blob: admins can query by
-- kind, zone or window in plain SQL, and every vendor checks the types.
CREATE TABLE vt_extractor_schedule (
    id                    VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                  VARCHAR(200) NOT NULL,
    report_id             VARCHAR(64)  NOT NULL,
    project_id            VARCHAR(64)  NOT NULL,
    account_id            VARCHAR(64)  NOT NULL,
    service_code          VARCHAR(64)  NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    paused_until          TIMESTAMP(6),
    -- ONE_TIME (ISO local date-time) | RRULE (the rule) | CRON (the expression) | FIXED_INTERVAL (ISO duration)
    recurrence_kind       VARCHAR(16)  NOT NULL,
    recurrence_expression TEXT         NOT NULL,
    zone_id               VARCHAR(64)  NOT NULL,
    start_local           TIMESTAMP(6),
    end_local             TIMESTAMP(6),
    max_runs              INTEGER,
    excluded_dates        TEXT         NOT NULL, -- ISO dates, comma-separated
    dst_gap               VARCHAR(16)  NOT NULL,
    dst_overlap           VARCHAR(16)  NOT NULL,
    skipped_occurrences   TEXT         NOT NULL, -- ISO instants, comma-separated
    parameters            TEXT         NOT NULL, -- form-urlencoded key=value&...
    misfire_kind          VARCHAR(32)  NOT NULL,
    misfire_window_ns     BIGINT       NOT NULL,
    overlap_policy        VARCHAR(16)  NOT NULL,
    task_timeout_ns       BIGINT,
    version               BIGINT       NOT NULL,
    created_at            TIMESTAMP(6) NOT NULL,
    updated_at            TIMESTAMP(6) NOT NULL
);
-- GetSchedules / GetAllSchedules confined to an account, keyset on id
CREATE INDEX ix_schedule_account ON vt_extractor_schedule (account_id, id);
-- GetSchedules of one report, keyset on id
CREATE INDEX ix_schedule_report ON vt_extractor_schedule (report_id, id);
-- the calculator's ACTIVE schedules, and findPausedUntil (status = PAUSED, paused_until <= now)
CREATE INDEX ix_schedule_status ON vt_extractor_schedule (status, paused_until, id);

-- Materialized occurrences. claimed_by/claimed_until are a processor's lease on a PENDING run.
CREATE TABLE vt_scheduled_runs (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    schedule_id   VARCHAR(64)  NOT NULL,
    report_id     VARCHAR(64)  NOT NULL,
    project_id    VARCHAR(64)  NOT NULL,
    account_id    VARCHAR(64)  NOT NULL,
    service_code  VARCHAR(64)  NOT NULL,
    fire_at       TIMESTAMP(6) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    task_id       VARCHAR(64),
    miss_cause    VARCHAR(32),
    created_at    TIMESTAMP(6) NOT NULL,
    settled_at    TIMESTAMP(6),
    claimed_by    VARCHAR(255),
    claimed_until TIMESTAMP(6),
    -- the calculator's idempotency key; also serves latestFireAt, deletePendingAfter and
    -- GetScheduledTasks / GetMissedScheduleRuns of one schedule
    CONSTRAINT uq_run_occurrence UNIQUE (schedule_id, fire_at)
);
-- claimDue and nextDueAt: status = PENDING, fire_at <= now, ORDER BY fire_at, id. The index
-- delivers that order, which MariaDB needs for SKIP LOCKED to skip rather than block; also
-- GetAllMissedRuns (status = MISSED).
CREATE INDEX ix_run_due ON vt_scheduled_runs (status, fire_at, id);
-- GetUpcomingAccountSchedules: an account's runs in a window
CREATE INDEX ix_run_account ON vt_scheduled_runs (account_id, fire_at, id);
-- GetMissedScheduleRuns of a report
CREATE INDEX ix_run_report ON vt_scheduled_runs (report_id, fire_at, id);

-- Tasks (one crawler run each). run_micros is written when a started task finishes, so
-- GetStats is one GROUP BY with no vendor-specific date arithmetic.
CREATE TABLE tasks (
    id               VARCHAR(64)   NOT NULL PRIMARY KEY,
    kind             VARCHAR(16)   NOT NULL,
    report_id        VARCHAR(64)   NOT NULL,
    project_id       VARCHAR(64)   NOT NULL,
    account_id       VARCHAR(64)   NOT NULL,
    service_code     VARCHAR(64)   NOT NULL,
    schedule_id      VARCHAR(64),
    scheduled_run_id VARCHAR(64),
    parent_id        VARCHAR(64),
    parameters       TEXT          NOT NULL,
    test_row_limit   INTEGER,
    parallelism      INTEGER,
    processor_index  INTEGER,
    work_item        TEXT,
    timeout_ns       BIGINT,
    status           VARCHAR(16)   NOT NULL,
    progress         INTEGER,
    message          VARCHAR(2000) NOT NULL,
    launch_name      VARCHAR(255),
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    started_at       TIMESTAMP(6),
    finished_at      TIMESTAMP(6),
    updated_at       TIMESTAMP(6)  NOT NULL,
    run_micros       BIGINT
);
-- GetActiveTasksV2 / GetCompletedTasks / GetStats of an account, newest first
CREATE INDEX ix_task_account ON tasks (account_id, created_at, id);
-- GetActiveTasksV2 for admins (status IN queued/running), newest first; GetStats by status
CREATE INDEX ix_task_status ON tasks (status, created_at, id);
-- GetChildTasks, StopChildTasks
CREATE INDEX ix_task_parent ON tasks (parent_id, created_at, id);
-- overlap policy (active tasks of a schedule), GetTaskHistoryBySchedulerId
CREATE INDEX ix_task_schedule ON tasks (schedule_id, created_at, id);
-- UpdateMetaByJob: a task by its Kubernetes Job name
CREATE INDEX ix_task_launch_name ON tasks (launch_name);
-- GetCompletedTasks in a time range
CREATE INDEX ix_task_finished ON tasks (finished_at);
-- UpdateAllTaskHistoryByStatus: all RUNNING not updated since X
CREATE INDEX ix_task_stale ON tasks (status, updated_at);

-- Task history: append-only (the store only inserts; seq is the order of appends).
CREATE TABLE task_history (
    seq         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    task_id     VARCHAR(64)   NOT NULL,
    schedule_id VARCHAR(64),
    account_id  VARCHAR(64)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    progress    INTEGER,
    message     VARCHAR(2000) NOT NULL,
    metadata    TEXT          NOT NULL, -- form-urlencoded key=value&...
    reported_by VARCHAR(16)   NOT NULL,
    entry_at    TIMESTAMP(6)  NOT NULL
);
-- GetTaskHistoryInfo of a task, newest first
CREATE INDEX ix_history_task ON task_history (task_id, seq);
-- GetTaskHistoryBySchedulerId, newest first
CREATE INDEX ix_history_schedule ON task_history (schedule_id, seq);

-- Multi-process work queues: one row per parent hands out positions (locked while enqueuing),
-- items are deleted when taken.
CREATE TABLE task_queues (
    parent_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    next_position BIGINT      NOT NULL
);
CREATE TABLE task_queue_items (
    parent_id     VARCHAR(64) NOT NULL,
    item_position BIGINT      NOT NULL,
    payload       TEXT        NOT NULL,
    -- take: a parent's oldest items (ORDER BY item_position, SKIP LOCKED); pending; clear
    PRIMARY KEY (parent_id, item_position)
);

-- Transactional outbox of activity events; seq is the append order the relay follows.
CREATE TABLE activity_outbox (
    seq          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    schedule_id  VARCHAR(64)  NOT NULL,
    report_id    VARCHAR(64)  NOT NULL,
    project_id   VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    service_code VARCHAR(64)  NOT NULL,
    actor        TEXT         NOT NULL,
    occurred_at  TIMESTAMP(6) NOT NULL,
    details      TEXT         NOT NULL, -- form-urlencoded key=value&...
    delivered_at TIMESTAMP(6),
    CONSTRAINT uq_outbox_event UNIQUE (event_id)
);
-- the relay: undelivered (delivered_at IS NULL) in append order
CREATE INDEX ix_outbox_undelivered ON activity_outbox (delivered_at, seq);
