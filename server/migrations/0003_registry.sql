CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "patient_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_on" date NOT NULL,
	"document_version" text,
	"revoked_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_guardians" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"phone" varchar(15),
	"whatsapp" boolean DEFAULT false NOT NULL,
	"email" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"moved" text NOT NULL,
	"merged_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_merges_merged_id_unique" UNIQUE("merged_id")
);
--> statement-breakpoint
CREATE TABLE "patient_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"transferred_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curp" varchar(18) NOT NULL,
	"nss" varchar(11),
	"agregado" text,
	"given_names" text NOT NULL,
	"first_surname" text NOT NULL,
	"second_surname" text,
	"search_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"state" text,
	"municipality" text,
	"address" text,
	"unit_id" uuid NOT NULL,
	"physician_name" text,
	"pediatric" boolean NOT NULL,
	"treatment_status" text DEFAULT 'NEW' NOT NULL,
	"status_since" date NOT NULL,
	"vital_status" text DEFAULT 'ALIVE' NOT NULL,
	"death_date" date,
	"last_contact_on" date,
	"last_treatment_on" date,
	"curative_intent" boolean DEFAULT false NOT NULL,
	"trace_reason_on" date,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" uuid,
	"merged_into" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patients_sex_check" CHECK ("patients"."sex" IN ('H', 'M')),
	CONSTRAINT "patients_curp_check" CHECK ("patients"."curp" ~ '^[A-Z][AEIOUX][A-Z]{2}[0-9]{6}[HMX][A-Z]{5}[A-Z0-9][0-9]$'),
	CONSTRAINT "patients_nss_check" CHECK ("patients"."nss" IS NULL OR "patients"."nss" ~ '^[0-9]{11}$')
);
--> statement-breakpoint
CREATE TABLE "chemo_administrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"drug" text NOT NULL,
	"dose" numeric(10, 3) NOT NULL,
	"dose_unit" text NOT NULL,
	"route" text NOT NULL,
	"group_kind" text NOT NULL,
	"dose_reduction_pct" smallint DEFAULT 0 NOT NULL,
	"administered_at" timestamp with time zone NOT NULL,
	"bsa_used" numeric(4, 2),
	"measured_on" date,
	"anthracycline_mg_m2" numeric(8, 2),
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid,
	CONSTRAINT "chemo_administrations_reduction_check" CHECK ("chemo_administrations"."dose_reduction_pct" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "complications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"onset_at" timestamp with time zone NOT NULL,
	"triage_at" timestamp with time zone,
	"antibiotic_at" timestamp with time zone,
	"grade" smallint,
	"description" text NOT NULL,
	"unit_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid,
	CONSTRAINT "complications_grade_check" CHECK ("complications"."grade" IS NULL OR "complications"."grade" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"sequence" smallint NOT NULL,
	"topography" varchar(5) NOT NULL,
	"morphology" varchar(4) NOT NULL,
	"behaviour" smallint NOT NULL,
	"basis" smallint NOT NULL,
	"diagnosis_date" date NOT NULL,
	"laterality" text DEFAULT 'NOT_APPLICABLE' NOT NULL,
	"stage" text,
	"risk_group" text,
	"icd10" varchar(6),
	"iccc_group" varchar(4),
	"iccc_subgroup" varchar(6),
	"unit_id" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid,
	CONSTRAINT "diagnoses_behaviour_check" CHECK ("diagnoses"."behaviour" BETWEEN 0 AND 3),
	CONSTRAINT "diagnoses_basis_check" CHECK ("diagnoses"."basis" IN (0, 1, 2, 4, 5, 6, 7, 9))
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"contact_date" date NOT NULL,
	"kind" text NOT NULL,
	"vital_status" text NOT NULL,
	"disease_status" text,
	"trace_reason" text,
	"notes" text,
	"unit_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"weight_kg" numeric(5, 2) NOT NULL,
	"height_cm" numeric(5, 1) NOT NULL,
	"bsa" numeric(4, 2) NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "other_treatments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"description" text NOT NULL,
	"dose_gy" numeric(6, 2),
	"fractions" smallint,
	"subtype" text,
	"unit_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "treatment_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"course" text NOT NULL,
	"cycle_number" smallint NOT NULL,
	"previous_cycle_id" uuid,
	"planned_date" date NOT NULL,
	"actual_date" date,
	"status" text DEFAULT 'PLANNED' NOT NULL,
	"notes" text,
	"unit_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"diagnosis_id" uuid,
	"protocol" text NOT NULL,
	"intent" text NOT NULL,
	"start_date" date NOT NULL,
	"planned_cycles" smallint,
	"cycle_length_days" smallint,
	"end_date" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_reason" text,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "treatment_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"since" date NOT NULL,
	"reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_dashboard_snapshots" (
	"scope" text NOT NULL,
	"scope_key" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_dashboard_snapshots_scope_scope_key_cutoff_pk" PRIMARY KEY("scope","scope_key","cutoff")
);
--> statement-breakpoint
CREATE TABLE "registry_tally_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"pediatric" boolean NOT NULL,
	"delta" smallint NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_weekly_snapshots" (
	"unit_id" uuid NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"registered" integer NOT NULL,
	"pediatric" integer NOT NULL,
	"adult" integer NOT NULL,
	"expected" integer NOT NULL,
	"new_in_week" integer NOT NULL,
	"new_pediatric_in_week" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_weekly_snapshots_unit_id_cutoff_pk" PRIMARY KEY("unit_id","cutoff")
);
--> statement-breakpoint
CREATE TABLE "unit_census" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"expected" integer NOT NULL,
	"expected_pediatric" integer,
	"effective_from" date NOT NULL,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_census_expected_check" CHECK ("unit_census"."expected" >= 0)
);
--> statement-breakpoint
CREATE TABLE "unit_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"trained_on" date NOT NULL,
	"modality" text NOT NULL,
	"people_trained" smallint NOT NULL,
	"topic" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_trainings_people_check" CHECK ("unit_trainings"."people_trained" > 0)
);
--> statement-breakpoint
CREATE TABLE "patient_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"accepted_rows" integer NOT NULL,
	"rejected_rows" integer NOT NULL,
	"created_rows" integer,
	"rows" jsonb,
	"rejections" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "offered_defaults" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_consents" ADD CONSTRAINT "patient_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_guardians" ADD CONSTRAINT "patient_guardians_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_merges" ADD CONSTRAINT "patient_merges_survivor_id_patients_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_merges" ADD CONSTRAINT "patient_merges_merged_id_patients_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_merges" ADD CONSTRAINT "patient_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_transfers" ADD CONSTRAINT "patient_transfers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemo_administrations" ADD CONSTRAINT "chemo_administrations_cycle_id_treatment_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."treatment_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemo_administrations" ADD CONSTRAINT "chemo_administrations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemo_administrations" ADD CONSTRAINT "chemo_administrations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chemo_administrations" ADD CONSTRAINT "chemo_administrations_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complications" ADD CONSTRAINT "complications_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diagnoses" ADD CONSTRAINT "diagnoses_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_treatments" ADD CONSTRAINT "other_treatments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_treatments" ADD CONSTRAINT "other_treatments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_treatments" ADD CONSTRAINT "other_treatments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "other_treatments" ADD CONSTRAINT "other_treatments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_cycles" ADD CONSTRAINT "treatment_cycles_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_cycles" ADD CONSTRAINT "treatment_cycles_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_cycles" ADD CONSTRAINT "treatment_cycles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_cycles" ADD CONSTRAINT "treatment_cycles_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_cycles" ADD CONSTRAINT "treatment_cycles_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_diagnosis_id_diagnoses_id_fk" FOREIGN KEY ("diagnosis_id") REFERENCES "public"."diagnoses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_status_history" ADD CONSTRAINT "treatment_status_history_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_status_history" ADD CONSTRAINT "treatment_status_history_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_tally_events" ADD CONSTRAINT "registry_tally_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_weekly_snapshots" ADD CONSTRAINT "registry_weekly_snapshots_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_census" ADD CONSTRAINT "unit_census_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_census" ADD CONSTRAINT "unit_census_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_trainings" ADD CONSTRAINT "unit_trainings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_trainings" ADD CONSTRAINT "unit_trainings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_imports" ADD CONSTRAINT "patient_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_consents_patient_idx" ON "patient_consents" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "patient_guardians_patient_idx" ON "patient_guardians" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "patient_guardians_phone_idx" ON "patient_guardians" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "patient_merges_survivor_idx" ON "patient_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "patient_transfers_patient_idx" ON "patient_transfers" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_curp_live_idx" ON "patients" USING btree ("curp") WHERE "patients"."merged_into" IS NULL;--> statement-breakpoint
CREATE INDEX "patients_curp_idx" ON "patients" USING btree ("curp");--> statement-breakpoint
CREATE INDEX "patients_nss_idx" ON "patients" USING btree ("nss");--> statement-breakpoint
CREATE INDEX "patients_search_name_idx" ON "patients" USING btree ("search_name" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "patients_search_name_trgm_idx" ON "patients" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_unit_name_idx" ON "patients" USING btree ("unit_id","search_name","id");--> statement-breakpoint
CREATE INDEX "patients_unit_status_idx" ON "patients" USING btree ("unit_id","treatment_status");--> statement-breakpoint
CREATE INDEX "patients_birth_date_idx" ON "patients" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "patients_registered_at_idx" ON "patients" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "chemo_administrations_cycle_idx" ON "chemo_administrations" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "chemo_administrations_patient_idx" ON "chemo_administrations" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "complications_patient_idx" ON "complications" USING btree ("patient_id","onset_at");--> statement-breakpoint
CREATE INDEX "diagnoses_patient_idx" ON "diagnoses" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "follow_ups_patient_idx" ON "follow_ups" USING btree ("patient_id","contact_date");--> statement-breakpoint
CREATE INDEX "measurements_patient_idx" ON "measurements" USING btree ("patient_id","measured_on");--> statement-breakpoint
CREATE INDEX "other_treatments_patient_idx" ON "other_treatments" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "treatment_cycles_patient_idx" ON "treatment_cycles" USING btree ("patient_id","planned_date");--> statement-breakpoint
CREATE INDEX "treatment_cycles_plan_idx" ON "treatment_cycles" USING btree ("plan_id","cycle_number");--> statement-breakpoint
CREATE INDEX "treatment_cycles_overdue_idx" ON "treatment_cycles" USING btree ("unit_id","planned_date") WHERE "treatment_cycles"."status" IN ('PLANNED', 'DELAYED') AND "treatment_cycles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "treatment_plans_patient_idx" ON "treatment_plans" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "treatment_status_history_patient_idx" ON "treatment_status_history" USING btree ("patient_id","since");--> statement-breakpoint
CREATE INDEX "registry_tally_events_at_idx" ON "registry_tally_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "registry_weekly_snapshots_cutoff_idx" ON "registry_weekly_snapshots" USING btree ("cutoff");--> statement-breakpoint
CREATE INDEX "unit_census_unit_idx" ON "unit_census" USING btree ("unit_id","effective_from");--> statement-breakpoint
CREATE INDEX "unit_trainings_unit_idx" ON "unit_trainings" USING btree ("unit_id","trained_on");--> statement-breakpoint
CREATE INDEX "patient_imports_unit_idx" ON "patient_imports" USING btree ("unit_id","created_at");--> statement-breakpoint
UPDATE "roles" SET "offered_defaults" = "permissions" WHERE "built_in";
