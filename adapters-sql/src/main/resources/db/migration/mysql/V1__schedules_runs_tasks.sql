-- Schema for MySQL 8 and MariaDB (10.6+ for SKIP LOCKED): the same tables, columns and indexes
-- as ../standard/ (read its comments), in MySQL's types:
--  * DATETIME(6) for TIMESTAMP(6): UTC values, never converted by the session time zone (MySQL's
--    own TIMESTAMP is converted, and ends in 2038);
--  * AUTO_INCREMENT for identity columns; MEDIUMTEXT for TEXT (parameters alone may pass TEXT's 64 KiB);
--  * utf8mb4_bin: ids compare case-sensitively and in the same order as Java strings.

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
    paused_until          DATETIME(6),
    -- ONE_TIME (ISO local date-time) | RRULE (the rule) | CRON (the expression) | FIXED_INTERVAL (ISO duration)
    recurrence_kind       VARCHAR(16)  NOT NULL,
    recurrence_expression MEDIUMTEXT   NOT NULL,
    zone_id               VARCHAR(64)  NOT NULL,
    start_local           DATETIME(6),
    end_local             DATETIME(6),
    max_runs              INTEGER,
    excluded_dates        MEDIUMTEXT   NOT NULL, -- ISO dates, comma-separated
    dst_gap               VARCHAR(16)  NOT NULL,
    dst_overlap           VARCHAR(16)  NOT NULL,
    skipped_occurrences   MEDIUMTEXT   NOT NULL, -- ISO instants, comma-separated
    parameters            MEDIUMTEXT   NOT NULL, -- form-urlencoded key=value&...
    misfire_kind          VARCHAR(32)  NOT NULL,
    misfire_window_ns     BIGINT       NOT NULL,
    overlap_policy        VARCHAR(16)  NOT NULL,
    task_timeout_ns       BIGINT,
    version               BIGINT       NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
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
    fire_at       DATETIME(6)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    task_id       VARCHAR(64),
    miss_cause    VARCHAR(32),
    created_at    DATETIME(6)  NOT NULL,
    settled_at    DATETIME(6),
    claimed_by    VARCHAR(255),
    claimed_until DATETIME(6),
    -- the calculator's idempotency key; also serves latestFireAt, deletePendingAfter and
    -- GetScheduledTasks / GetMissedScheduleRuns of one schedule
    CONSTRAINT uq_run_occurrence UNIQUE (schedule_id, fire_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
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
    parameters       MEDIUMTEXT    NOT NULL,
    test_row_limit   INTEGER,
    parallelism      INTEGER,
    processor_index  INTEGER,
    work_item        MEDIUMTEXT,
    timeout_ns       BIGINT,
    status           VARCHAR(16)   NOT NULL,
    progress         INTEGER,
    message          VARCHAR(2000) NOT NULL,
    launch_name      VARCHAR(255),
    version          BIGINT        NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    started_at       DATETIME(6),
    finished_at      DATETIME(6),
    updated_at       DATETIME(6)   NOT NULL,
    run_micros       BIGINT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
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
    seq         BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id     VARCHAR(64)   NOT NULL,
    schedule_id VARCHAR(64),
    account_id  VARCHAR(64)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    progress    INTEGER,
    message     VARCHAR(2000) NOT NULL,
    metadata    MEDIUMTEXT    NOT NULL, -- form-urlencoded key=value&...
    reported_by VARCHAR(16)   NOT NULL,
    entry_at    DATETIME(6)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- GetTaskHistoryInfo of a task, newest first
CREATE INDEX ix_history_task ON task_history (task_id, seq);
-- GetTaskHistoryBySchedulerId, newest first
CREATE INDEX ix_history_schedule ON task_history (schedule_id, seq);

-- Multi-process work queues: one row per parent hands out positions (locked while enqueuing),
-- items are deleted when taken.
CREATE TABLE task_queues (
    parent_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    next_position BIGINT      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE TABLE task_queue_items (
    parent_id     VARCHAR(64) NOT NULL,
    item_position BIGINT      NOT NULL,
    payload       MEDIUMTEXT  NOT NULL,
    -- take: a parent's oldest items (ORDER BY item_position, SKIP LOCKED); pending; clear
    PRIMARY KEY (parent_id, item_position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Transactional outbox of activity events; seq is the append order the relay follows.
CREATE TABLE activity_outbox (
    seq          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(64)  NOT NULL,
    schedule_id  VARCHAR(64)  NOT NULL,
    report_id    VARCHAR(64)  NOT NULL,
    project_id   VARCHAR(64)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    service_code VARCHAR(64)  NOT NULL,
    actor        MEDIUMTEXT   NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    details      MEDIUMTEXT   NOT NULL, -- form-urlencoded key=value&...
    delivered_at DATETIME(6),
    CONSTRAINT uq_outbox_event UNIQUE (event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
-- the relay: undelivered (delivered_at IS NULL) in append order
CREATE INDEX ix_outbox_undelivered ON activity_outbox (delivered_at, seq);
