CREATE TABLE "agreement_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agreement_id" uuid NOT NULL,
	"meeting_id" uuid,
	"entry_date" date NOT NULL,
	"text" text NOT NULL,
	"status_from" text NOT NULL,
	"status_to" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"text" text NOT NULL,
	"responsible_official_id" uuid,
	"responsible_area" text,
	"due_meeting_number" integer,
	"due_date" date,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"status_reason" text,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_responsible_check" CHECK ("agreements"."responsible_official_id" IS NOT NULL OR "agreements"."responsible_area" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "case_sequence" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"meeting_id" uuid,
	"entry_date" date NOT NULL,
	"text" text NOT NULL,
	"official_id" uuid,
	"status_from" text NOT NULL,
	"status_to" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"meeting_number" integer,
	"sequence" integer,
	"code" text,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"patient_id" uuid,
	"patient_name" text,
	"unit_id" uuid NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"responsible_official_id" uuid,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"status_reason" text,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_code_check" CHECK (("cases"."code" IS NULL) = ("cases"."sequence" IS NULL) AND ("cases"."code" IS NULL) = ("cases"."meeting_number" IS NULL)),
	CONSTRAINT "cases_reason_check" CHECK ("cases"."status" <> 'NOT_APPLICABLE' OR "cases"."status_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "meeting_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"description" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"official_id" uuid,
	"name" text NOT NULL,
	"surnames" text,
	"position" text,
	"area" text,
	"relationship" text,
	"unit_id" uuid,
	"patient_id" uuid,
	"late" boolean DEFAULT false NOT NULL,
	"attended" boolean,
	"listed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "meeting_attendees_kind_check" CHECK (("meeting_attendees"."kind" = 'OFFICIAL') = ("meeting_attendees"."official_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "meeting_bulletins" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"extraordinary" boolean DEFAULT false NOT NULL,
	"modality" text NOT NULL,
	"platform" text,
	"link" text,
	"location" text,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"families_deadline" timestamp with time zone NOT NULL,
	"cases_deadline" timestamp with time zone NOT NULL,
	"agenda" jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_number_check" CHECK ("meetings"."number" > 0),
	CONSTRAINT "meetings_times_check" CHECK ("meetings"."ended_at" IS NULL OR "meetings"."started_at" IS NULL OR "meetings"."ended_at" >= "meetings"."started_at")
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"area" text NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_updates" ADD CONSTRAINT "agreement_updates_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_updates" ADD CONSTRAINT "agreement_updates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_updates" ADD CONSTRAINT "agreement_updates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_responsible_official_id_officials_id_fk" FOREIGN KEY ("responsible_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_updates" ADD CONSTRAINT "case_updates_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_updates" ADD CONSTRAINT "case_updates_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_updates" ADD CONSTRAINT "case_updates_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_updates" ADD CONSTRAINT "case_updates_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_responsible_official_id_officials_id_fk" FOREIGN KEY ("responsible_official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bulletins" ADD CONSTRAINT "meeting_bulletins_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bulletins" ADD CONSTRAINT "meeting_bulletins_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bulletins" ADD CONSTRAINT "meeting_bulletins_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_updates_agreement_idx" ON "agreement_updates" USING btree ("agreement_id","id");--> statement-breakpoint
CREATE INDEX "agreement_updates_meeting_idx" ON "agreement_updates" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_meeting_ordinal_uq" ON "agreements" USING btree ("meeting_id","ordinal");--> statement-breakpoint
CREATE INDEX "agreements_status_idx" ON "agreements" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "case_updates_case_idx" ON "case_updates" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_updates_meeting_idx" ON "case_updates" USING btree ("meeting_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_code_uq" ON "cases" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_sequence_uq" ON "cases" USING btree ("sequence");--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "cases" USING btree ("status","received_at","id");--> statement-breakpoint
CREATE INDEX "cases_meeting_idx" ON "cases" USING btree ("meeting_number","received_at","id");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("unit_id","received_at","id");--> statement-breakpoint
CREATE INDEX "cases_responsible_idx" ON "cases" USING btree ("responsible_official_id","received_at");--> statement-breakpoint
CREATE INDEX "cases_patient_idx" ON "cases" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "cases_waiting_idx" ON "cases" USING btree ("received_at") WHERE "cases"."meeting_id" IS NULL;--> statement-breakpoint
CREATE INDEX "meeting_attachments_owner_idx" ON "meeting_attachments" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_official_uq" ON "meeting_attendees" USING btree ("meeting_id","official_id") WHERE "meeting_attendees"."official_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_number_uq" ON "meetings" USING btree ("number");--> statement-breakpoint
CREATE INDEX "meetings_scheduled_idx" ON "meetings" USING btree ("scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_user_uq" ON "officials" USING btree ("user_id") WHERE "officials"."user_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "case_sequence" ("id", "last") VALUES (1, 0) ON CONFLICT DO NOTHING;
