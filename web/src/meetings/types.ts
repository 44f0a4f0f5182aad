/**
 * Wire shapes of the meetings API (server/src/modules/meetings/meeting-schemas.ts): instants
 * arrive as ISO 8601 strings, calendar dates as 'YYYY-MM-DD'.
 */
export const MEETING_MODALITIES = ['VIRTUAL', 'IN_PERSON', 'HYBRID'] as const;
export type MeetingModality = (typeof MEETING_MODALITIES)[number];
export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const CASE_CATEGORIES = [
  'BONE_MARROW_TRANSPLANT',
  'APPOINTMENT',
  'SECOND_OPINION',
  'PALLIATIVE_CARE',
  'MISSING_MEDICATION',
  'LAB_OR_IMAGING_STUDY',
  'TREATMENT_FOLLOW_UP',
  'STAFF_CONDUCT',
  'OTHER',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CHANNELS = ['EMAIL', 'CHATBOT', 'MEETING', 'OFFICIAL_LETTER'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_STATUSES = ['RECEIVED', 'IN_FOLLOW_UP', 'RESOLVED', 'CLOSED', 'NOT_APPLICABLE'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['RECEIVED', 'IN_FOLLOW_UP'];
export const AGREEMENT_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const FAMILY_RELATIONSHIPS = ['MOTHER', 'FATHER', 'GUARDIAN', 'GRANDPARENT', 'OTHER'] as const;
export type FamilyRelationship = (typeof FAMILY_RELATIONSHIPS)[number];

export interface Official {
  id: string;
  name: string;
  position: string;
  area: string;
  userId: string | null;
  unitId: string | null;
  active: boolean;
}

export type PersonRef = { id: string; name: string; position: string; area: string } | null;

export interface AgendaItem {
  key: string;
  title: string;
  notes: string;
}

export interface MeetingSummary {
  id: string;
  number: number;
  scheduledAt: string;
  extraordinary: boolean;
  modality: MeetingModality;
  platform: string | null;
  link: string | null;
  location: string | null;
  status: MeetingStatus;
  familiesDeadline: string;
  startedAt: string | null;
  endedAt: string | null;
  newCases: number;
  reviewedCases: number;
  agreements: number;
  version: number;
}

export interface Attendee {
  id: string;
  kind: 'OFFICIAL' | 'FAMILY';
  officialId: string | null;
  name: string;
  surnames: string | null;
  position: string | null;
  area: string | null;
  relationship: FamilyRelationship | null;
  unitId: string | null;
  unitName: string | null;
  late: boolean;
  attended: boolean | null;
  listedAt: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  description: string | null;
  createdAt: string;
}

export interface CaseUpdate {
  id: number;
  meetingId: string | null;
  meetingNumber: number | null;
  entryDate: string;
  text: string;
  official: PersonRef;
  statusFrom: CaseStatus;
  statusTo: CaseStatus;
  recordedBy: string | null;
  createdAt: string;
}

export interface CaseView {
  id: string;
  code: string | null;
  meetingId: string | null;
  meetingNumber: number | null;
  receivedAt: string;
  channel: CaseChannel;
  category: CaseCategory;
  title: string;
  description: string | null;
  patientId: string | null;
  patientName: string | null;
  unitId: string;
  unitName: string;
  reporterName: string | null;
  reporterPhone: string | null;
  responsible: PersonRef;
  status: CaseStatus;
  statusReason: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  lastUpdate: { entryDate: string; text: string; meetingNumber: number | null } | null;
  version: number;
  createdAt: string;
}

export interface CaseDetail extends CaseView {
  updates: CaseUpdate[];
  attachments: Attachment[];
}

export interface AgendaCase extends Omit<CaseView, 'description' | 'reporterName' | 'reporterPhone'> {
  carriedOver: boolean;
  /** The latest update recorded in this meeting (flat: who reported it by position). */
  updateInMeeting: {
    id: number;
    entryDate: string;
    text: string;
    officialId: string | null;
    officialPosition: string | null;
    statusFrom: CaseStatus;
    statusTo: CaseStatus;
  } | null;
}

export interface AgreementUpdate {
  id: number;
  meetingId: string | null;
  meetingNumber: number | null;
  entryDate: string;
  text: string;
  statusFrom: AgreementStatus;
  statusTo: AgreementStatus;
  recordedBy: string | null;
  createdAt: string;
}

export interface Agreement {
  id: string;
  meetingId: string;
  meetingNumber: number;
  ordinal: number;
  code: string;
  text: string;
  responsible: PersonRef;
  responsibleArea: string | null;
  dueMeetingNumber: number | null;
  dueDate: string | null;
  status: AgreementStatus;
  statusReason: string | null;
  overdue: boolean;
  completedAt: string | null;
  updates: AgreementUpdate[];
  version: number;
  createdAt: string;
}

export interface MeetingDetail extends MeetingSummary {
  agenda: AgendaItem[];
  attendees: Attendee[];
  cases: AgendaCase[];
  agreementsFollowUp: Agreement[];
  agreementsAdopted: Agreement[];
  attachments: Attachment[];
  warnings: string[];
}

export interface Bulletin {
  title: string;
  summary: string;
  body: string;
  status: 'DRAFT' | 'APPROVED';
  version: number;
  generated: boolean;
}
