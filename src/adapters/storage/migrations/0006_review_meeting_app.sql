-- 0006: how far putting Team Charter and its tab in the review series' Teams meeting got (each step's result, so a
-- retry redoes nothing), or why it could not (a permission the admin has not granted, the app not in the catalog).
-- A JSON object, null before the first step; the series' own columns are written without touching it.

ALTER TABLE review_series ADD COLUMN meeting_app jsonb;
