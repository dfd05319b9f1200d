-- When the calculator must next look at a schedule (UTC); see ../standard/V2 for why.
ALTER TABLE vt_extractor_schedule ADD COLUMN calculate_at DATETIME(6) NOT NULL DEFAULT '1970-01-01 00:00:00';
-- findDueForCalculation: status = ACTIVE, calculate_at <= now, ORDER BY calculate_at, id
CREATE INDEX ix_schedule_calculate ON vt_extractor_schedule (status, calculate_at, id);
