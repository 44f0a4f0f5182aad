DROP INDEX "treatment_cycles_plan_idx";--> statement-breakpoint
ALTER TABLE "chemo_administrations" ADD COLUMN "dose_mg" numeric(10, 3);--> statement-breakpoint
ALTER TABLE "diagnoses" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_cycles_plan_number_idx" ON "treatment_cycles" USING btree ("plan_id","cycle_number") WHERE "treatment_cycles"."deleted_at" IS NULL;