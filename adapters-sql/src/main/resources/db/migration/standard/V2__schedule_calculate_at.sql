-- When the calculator must next look at a schedule (UTC). The calculator moves it on after it
-- materializes a schedule's horizon; inserting or updating a schedule sets it back to the epoch
-- (due at once). An idle calculator tick is then one index range scan that finds nothing,
-- instead of reading every ACTIVE schedule. Existing rows start due, so the first tick after
-- this migration looks at each schedule once (inserting nothing it already has).
ALTER TABLE vt_extractor_schedule ADD COLUMN calculate_at TIMESTAMP(6) DEFAULT TIMESTAMP '1970-01-01 00:00:00' NOT NULL;
-- findDueForCalculation: status = ACTIVE, calculate_at <= now, ORDER BY calculate_at, id
CREATE INDEX ix_schedule_calculate ON vt_extractor_schedule (status, calculate_at, id);
