-- search_name is lower-case ASCII: with COLLATE "C" one plain btree serves LIKE 'prefix%' and ORDER BY search_name, id.
ALTER TABLE "patients" ALTER COLUMN "search_name" TYPE text COLLATE "C";--> statement-breakpoint
DROP INDEX "patients_search_name_idx";--> statement-breakpoint
CREATE INDEX "patients_search_name_idx" ON "patients" USING btree ("search_name","id");
