-- What happened in a slip, and who started it, is the plan owner's own unless they share that
-- slip's story. Slips recorded before this stay private: nobody chose to share them.
ALTER TABLE plan_slip ADD COLUMN shared BOOLEAN NOT NULL DEFAULT FALSE;
