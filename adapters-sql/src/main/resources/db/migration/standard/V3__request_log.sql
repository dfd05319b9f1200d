-- Request ids clients sent with a create (Schedule, OneTimeRun, OneTimeTestRun, MultiProcessRun;
-- AIP-155): a retry with the same id gets the first answer, built from created_ids. The primary
-- key is what makes concurrent duplicates meet: the second insert waits for the first
-- transaction, and finds the key taken once it commits. Rows older than the retention count as
-- unseen; the reconciler deletes them through ix_request_log_recorded.
CREATE TABLE request_log (
    scope       VARCHAR(72)  NOT NULL, -- 'admin' or 'account:<account id>'
    method      VARCHAR(40)  NOT NULL,
    request_id  VARCHAR(64)  NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL, -- SHA-256 (hex) of the request's content
    created_ids TEXT         NOT NULL, -- ids of what the request created, comma-separated, answer order
    recorded_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (scope, method, request_id)
);
CREATE INDEX ix_request_log_recorded ON request_log (recorded_at);
