/** Shapes of the WhatsApp API (server: modules/whatsapp/wa-schemas.ts). Dates arrive as ISO strings. */

export interface WaContact {
  id: string;
  waId: string;
  phone: string;
  profileName: string | null;
  verified: boolean;
  children: { patientId: string; firstName: string; unitName: string }[];
  optedOut: boolean;
  mode: 'BOT' | 'HUMAN';
  lastInboundAt: string | null;
  windowOpen: boolean;
  windowClosesAt: string | null;
}

export type MessageStatus = 'RECEIVED' | 'QUEUED' | 'SENDING' | 'SENT' | 'DELIVERED' | 'READ' | 'FAILED';

export interface WaMessage {
  id: string;
  wamid: string | null;
  direction: 'IN' | 'OUT';
  type: string;
  text: string | null;
  replyId?: string | null;
  status: MessageStatus;
  errorCode: number | null;
  errorTitle: string | null;
  author: 'CONTACT' | 'BOT' | 'STAFF' | 'SYSTEM';
  authorName: string | null;
  buttons?: { id: string; title: string }[];
  list?: { button: string; rows: { id: string; title: string; description?: string }[] };
  /** A file the family sent (photo, document, audio): downloadable once DOWNLOADED. */
  media?: { status: 'PENDING' | 'DOWNLOADED' | 'RETRY' | 'FAILED'; mimeType: string | null; bytes: number | null } | null;
  createdAt: string;
}

export interface ContactMessages {
  contact: WaContact;
  items: WaMessage[];
  nextCursor: string | null;
}

export const CONVERSATION_STATUSES = ['WAITING', 'ASSIGNED', 'CLOSED'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export interface Conversation {
  id: string;
  contact: WaContact;
  status: ConversationStatus;
  topic: string;
  note: string | null;
  assignedTo: { id: string; displayName: string } | null;
  openedAt: string;
  assignedAt: string | null;
  firstReplyAt: string | null;
  closedAt: string | null;
  caseRef: { id: string; code: string | null } | null;
  supplyRequestRef: { id: string; folio: string } | null;
  version?: number;
}

export interface Template {
  name: string;
  language: string;
  category: string;
  body: string;
  params: number;
}

export interface SimulatorInfo {
  enabled: boolean;
  businessNumber: string;
  phoneNumberId: string;
  demoContacts: { phone: string; name: string; hint: string }[];
}

export interface FlowSummary {
  key: string;
  name: string;
  version: number;
  updatedAt: string;
  updatedBy: { id: string; displayName: string } | null;
}

export interface FlowDetail {
  key: string;
  name: string;
  version: number;
  definition: unknown;
  versions: { version: number; createdAt: string; createdBy: { id: string; displayName: string } | null; comment: string | null }[];
}

export interface WaFigures {
  from: string;
  to: string;
  days: { day: string; inbound: number; outbound: number; failed: number }[];
  casesCreated: number;
  supplyRequestsCreated: number;
  casesByDay: { day: string; cases: number; supplyRequests: number }[];
  medianFirstHumanReplyMinutes: number | null;
  handovers: number;
  optOuts: number;
  optOutsByDay: { day: string; n: number }[];
  verifiedContacts: number;
  contacts: number;
}
