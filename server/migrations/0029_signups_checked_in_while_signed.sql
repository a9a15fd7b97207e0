-- Checked in means still signed up (found by the concurrency suite: a withdrawal after, or
-- racing, a check-in let a member check in twice for one day). NOT VALID: enforced on every
-- row written from now on, without refusing to start over a sign-up an older version left.
ALTER TABLE "signups" ADD CONSTRAINT "signups_checked_in_while_signed" CHECK ("signups"."checked_in_at" IS NULL OR "signups"."status" = 'signed') NOT VALID;
