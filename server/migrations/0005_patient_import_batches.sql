CREATE TABLE "patient_import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"row_count" integer NOT NULL,
	"rows" jsonb NOT NULL,
	CONSTRAINT "patient_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
UPDATE "patient_imports" SET "created_rows" = 0 WHERE "created_rows" IS NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ALTER COLUMN "created_rows" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "patient_imports" ALTER COLUMN "created_rows" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "processed_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "skipped_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "skipped" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_import_chunks" ADD CONSTRAINT "patient_import_chunks_import_id_patient_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."patient_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" DROP COLUMN "rows";