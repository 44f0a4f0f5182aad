CREATE TABLE "wa_contact_children" (
	"contact_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"guardian_id" uuid,
	"method" text NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wa_contact_children_contact_id_patient_id_pk" PRIMARY KEY("contact_id","patient_id")
);
--> statement-breakpoint
CREATE TABLE "wa_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" varchar(20) NOT NULL,
	"wa_id" varchar(20) NOT NULL,
	"profile_name" text,
	"mode" text DEFAULT 'BOT' NOT NULL,
	"opted_out_at" timestamp with time zone,
	"last_inbound_at" timestamp with time zone,
	"verify_failures" smallint DEFAULT 0 NOT NULL,
	"verify_locked_until" timestamp with time zone,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wa_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text DEFAULT 'WAITING' NOT NULL,
	"topic" text NOT NULL,
	"note" text,
	"assigned_to" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_at" timestamp with time zone,
	"first_reply_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"case_id" uuid,
	"supply_request_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wa_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wa_inbound" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wamid" text NOT NULL,
	"phone_number_id" text,
	"wa_id" varchar(20) NOT NULL,
	"contact_phone" varchar(20) NOT NULL,
	"profile_name" text,
	"type" text NOT NULL,
	"text" text,
	"reply_id" text,
	"media_id" text,
	"payload" jsonb NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "wa_media" (
	"inbound_id" bigint PRIMARY KEY NOT NULL,
	"media_id" text NOT NULL,
	"status" text NOT NULL,
	"mime_type" text,
	"sha256" text,
	"bytes" integer,
	"content" "bytea",
	"attempts" smallint DEFAULT 1 NOT NULL,
	"error" text,
	"next_attempt_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wa_outbound" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pos" bigint GENERATED ALWAYS AS IDENTITY (sequence name "wa_outbound_pos_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"contact_id" uuid NOT NULL,
	"to_wa_id" varchar(20) NOT NULL,
	"wamid" text,
	"inbound_id" bigint,
	"seq" smallint DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"author_id" uuid,
	"conversation_id" uuid,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'QUEUED' NOT NULL,
	"status_rank" smallint DEFAULT 0 NOT NULL,
	"error_code" integer,
	"error_title" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wa_runs" (
	"contact_id" uuid PRIMARY KEY NOT NULL,
	"flow_key" text NOT NULL,
	"flow_version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"status" text NOT NULL,
	"wait_expires_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wa_status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wamid" text NOT NULL,
	"outbound_id" uuid,
	"status" text NOT NULL,
	"recipient_id" varchar(20),
	"occurred_at" timestamp with time zone NOT NULL,
	"error_code" integer,
	"error_title" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wa_verification_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_request_folio" (
	"id" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"folio" integer NOT NULL,
	"patient_id" uuid,
	"unit_id" uuid NOT NULL,
	"item" text NOT NULL,
	"clave" varchar(20),
	"urgency" text NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"channel" text NOT NULL,
	"case_id" uuid,
	"requester_name" text,
	"requester_phone" varchar(20),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wa_contact_children" ADD CONSTRAINT "wa_contact_children_contact_id_wa_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."wa_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_contact_children" ADD CONSTRAINT "wa_contact_children_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_contact_children" ADD CONSTRAINT "wa_contact_children_guardian_id_patient_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."patient_guardians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_contact_id_wa_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."wa_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_flows" ADD CONSTRAINT "wa_flows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_media" ADD CONSTRAINT "wa_media_inbound_id_wa_inbound_id_fk" FOREIGN KEY ("inbound_id") REFERENCES "public"."wa_inbound"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_outbound" ADD CONSTRAINT "wa_outbound_contact_id_wa_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."wa_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_outbound" ADD CONSTRAINT "wa_outbound_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_outbound" ADD CONSTRAINT "wa_outbound_conversation_id_wa_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."wa_conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_runs" ADD CONSTRAINT "wa_runs_contact_id_wa_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."wa_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_verification_codes" ADD CONSTRAINT "wa_verification_codes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_verification_codes" ADD CONSTRAINT "wa_verification_codes_guardian_id_patient_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."patient_guardians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_verification_codes" ADD CONSTRAINT "wa_verification_codes_used_by_wa_contacts_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."wa_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wa_verification_codes" ADD CONSTRAINT "wa_verification_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_requests" ADD CONSTRAINT "supply_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wa_contact_children_patient_idx" ON "wa_contact_children" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wa_contacts_phone_uq" ON "wa_contacts" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "wa_conversations_open_uq" ON "wa_conversations" USING btree ("contact_id") WHERE "wa_conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "wa_conversations_status_idx" ON "wa_conversations" USING btree ("status","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wa_flows_key_version_uq" ON "wa_flows" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "wa_inbound_wamid_uq" ON "wa_inbound" USING btree ("wamid");--> statement-breakpoint
CREATE INDEX "wa_inbound_pending_idx" ON "wa_inbound" USING btree ("contact_phone","id") WHERE "wa_inbound"."processed_at" IS NULL;--> statement-breakpoint
CREATE INDEX "wa_inbound_contact_idx" ON "wa_inbound" USING btree ("contact_phone","id");--> statement-breakpoint
CREATE INDEX "wa_inbound_received_idx" ON "wa_inbound" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "wa_inbound_media_idx" ON "wa_inbound" USING btree ("id") WHERE "wa_inbound"."media_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "wa_media_retry_idx" ON "wa_media" USING btree ("next_attempt_at") WHERE "wa_media"."status" = 'RETRY';--> statement-breakpoint
CREATE UNIQUE INDEX "wa_outbound_wamid_uq" ON "wa_outbound" USING btree ("wamid");--> statement-breakpoint
CREATE UNIQUE INDEX "wa_outbound_inbound_seq_uq" ON "wa_outbound" USING btree ("inbound_id","seq");--> statement-breakpoint
CREATE INDEX "wa_outbound_contact_idx" ON "wa_outbound" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE INDEX "wa_outbound_queue_idx" ON "wa_outbound" USING btree ("pos") WHERE "wa_outbound"."status" = 'QUEUED';--> statement-breakpoint
CREATE INDEX "wa_outbound_pending_idx" ON "wa_outbound" USING btree ("contact_id","pos") WHERE "wa_outbound"."status" IN ('QUEUED', 'SENDING');--> statement-breakpoint
CREATE INDEX "wa_runs_wait_idx" ON "wa_runs" USING btree ("wait_expires_at") WHERE "wa_runs"."status" = 'WAITING';--> statement-breakpoint
CREATE INDEX "wa_status_events_wamid_idx" ON "wa_status_events" USING btree ("wamid");--> statement-breakpoint
CREATE INDEX "wa_status_events_pending_idx" ON "wa_status_events" USING btree ("id") WHERE "wa_status_events"."applied_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "wa_verification_codes_hash_uq" ON "wa_verification_codes" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_requests_folio_uq" ON "supply_requests" USING btree ("folio");--> statement-breakpoint
CREATE INDEX "supply_requests_unit_idx" ON "supply_requests" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "supply_requests_open_idx" ON "supply_requests" USING btree ("status","created_at") WHERE "supply_requests"."status" IN ('RECEIVED', 'IN_PROGRESS');--> statement-breakpoint
INSERT INTO "supply_request_folio" ("id", "last") VALUES (1, 0);
