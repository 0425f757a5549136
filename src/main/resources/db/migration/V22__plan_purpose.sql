-- What the plan is for: guidance (the reached-out guide, the statement, SOS, milestones) follows it.
-- Existing plans get "moving on": the one purpose whose guidance is safe for everybody (it never
-- suggests talking to the ex); each member can change it on their plan.
ALTER TABLE plan ADD COLUMN purpose VARCHAR(16) NOT NULL DEFAULT 'MOVING_ON';
