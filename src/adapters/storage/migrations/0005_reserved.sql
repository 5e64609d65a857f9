-- 0005: reserved. The migration numbered 0005 is being written beside this one; when it is merged it replaces this
-- file (the migrations must be numbered without gaps, so until then this one holds the number and does nothing).
SELECT 1;
