/**
 * Mexican WhatsApp numbers arrive in two forms: Meta sends mobiles as 521 + 10 digits, staff type
 * 52 + 10 digits (and the registry stores that form). One person must be one contact, so the
 * canonical key drops the mobile "1"; the raw wa_id is kept for replies.
 */
export function canonicalPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 10) return `52${digits}`;
  if (digits.length === 13 && digits.startsWith('521')) return `52${digits.slice(3)}`;
  return digits;
}

/** The wa_id Meta uses for a Mexican mobile typed as 10 digits or 52 + 10 digits. */
export function mexicanWaId(raw: string): string {
  const canonical = canonicalPhone(raw);
  return canonical.length === 12 && canonical.startsWith('52') ? `521${canonical.slice(2)}` : canonical;
}

/** "52 55 **** 5678": for lists shown to staff who do not need the whole number. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return phone;
  return `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}`;
}
