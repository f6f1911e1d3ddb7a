-- A trajectory's signals are read with every trajectory view; without an index that read scans
-- every signal of every client.
CREATE INDEX signal_trajectory ON signal (trajectory_id, raised_on);
