-- The server user who made each change (null when nobody was logged in): the server re-checks that
-- operator when the change arrives, so an account disabled while the seat was offline cannot still write.
ALTER TABLE outbox ADD COLUMN operator_id TEXT CHECK (operator_id IS NULL OR length(operator_id) <= 64);
