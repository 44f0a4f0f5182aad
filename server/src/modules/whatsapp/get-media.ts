import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { loadVisibleContact } from './contact-view.ts';
import * as repo from './repo.ts';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
};

/** The file a family sent in a message, for staff who may see that contact. Audited. */
export async function getMedia(s: Services, ctx: RequestContext, inboundId: number) {
  const file = await repo.mediaFile(s.db.orm, inboundId);
  if (!file) throw notFound('No se encontró el archivo del mensaje.', 'WA_MEDIA_NOT_FOUND');
  const contact = await loadVisibleContact(s.db.orm, ctx, file.contactPhone);
  if (file.status !== 'DOWNLOADED' || !file.content) {
    throw new AppError(
      409,
      'WA_MEDIA_NOT_DOWNLOADED',
      file.status === 'FAILED'
        ? `El archivo no se pudo descargar de WhatsApp: ${file.error ?? 'error desconocido'}.`
        : 'El archivo aún no se descarga de WhatsApp; intente en unos minutos.',
    );
  }
  await ctx.audit({ action: 'READ', entity: 'wa_media', entityId: String(inboundId), detail: { contactId: contact.id } });
  const mimeType = file.mimeType ?? 'application/octet-stream';
  const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  return { mimeType, content, fileName: `whatsapp-${inboundId}.${EXTENSIONS[mimeType.split(';')[0]!.trim()] ?? 'bin'}` };
}
