-- Request ids clients sent with a create; see ../standard/V3 for why. MEDIUMTEXT: a
-- MultiProcessRun of 1,000 children lists 1,001 ids, past TEXT's 64 KiB in the worst case;
-- utf8mb4_bin: request ids compare case-sensitively, as everywhere else.
CREATE TABLE request_log (
    scope       VARCHAR(72)  NOT NULL, -- 'admin' or 'account:<account id>'
    method      VARCHAR(40)  NOT NULL,
    request_id  VARCHAR(64)  NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL, -- SHA-256 (hex) of the request's content
    created_ids MEDIUMTEXT   NOT NULL, -- ids of what the request created, comma-separated, answer order
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, method, request_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
CREATE INDEX ix_request_log_recorded ON request_log (recorded_at);
