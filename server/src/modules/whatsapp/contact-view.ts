import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { notFound } from '../../platform/errors.ts';
import { canonicalPhone } from './phone.ts';
import * as repo from './repo.ts';

export const WINDOW_MS = 24 * 3600_000;

export interface ContactView {
  id: string;
  waId: string;
  phone: string;
  profileName: string | null;
  verified: boolean;
  children: { patientId: string; firstName: string; unitName: string }[];
  optedOut: boolean;
  mode: 'BOT' | 'HUMAN';
  lastInboundAt: Date | null;
  windowOpen: boolean;
  windowClosesAt: Date | null;
}

export function contactView(row: repo.ContactListRow, now: Date): ContactView {
  const last = row.lastInboundAt ? new Date(row.lastInboundAt) : null;
  const closes = last ? new Date(last.getTime() + WINDOW_MS) : null;
  return {
    id: row.id,
    waId: row.waId,
    phone: row.phone,
    profileName: row.profileName,
    verified: row.children.length > 0,
    children: row.children,
    optedOut: !!row.optedOutAt,
    mode: row.mode,
    lastInboundAt: last,
    windowOpen: !!closes && closes > now,
    windowClosesAt: closes,
  };
}

/** The staff member's view of one contact by wa_id or phone; 404 (audited) when absent or not theirs to read. */
export async function loadVisibleContact(db: Db, ctx: RequestContext, waIdOrPhone: string): Promise<repo.ContactListRow> {
  const phone = canonicalPhone(waIdOrPhone);
  const [row] = await repo.contactsWithChildren(db, { visible: repo.contactVisible(ctx.visibleUnits, sql`c.id`), phone, limit: 1 });
  if (!row) {
    await ctx.audit({ action: 'READ', entity: 'wa_contact', outcome: 'DENIED', detail: { reason: 'NOT_FOUND_OR_NOT_VISIBLE' } });
    throw notFound('No se encontró el contacto de WhatsApp o no tiene acceso a él.', 'WA_CONTACT_NOT_FOUND');
  }
  return row;
}
