import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { loadVisibleCase, requireCaseWrite } from './case-access.ts';
import { loadOpenMeeting } from './meeting-rules.ts';
import * as repo from './repo.ts';

/** 10 MB: a phone photo of a signed sheet or a scanned PDF fits well under it. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ACCEPTED = new Map([
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/webp', 'WebP'],
  ['application/pdf', 'PDF'],
]);

export interface Upload {
  fileName: string;
  data: Buffer;
  description: string | null;
}

/** What the bytes are, not what the name says: a renamed text file is refused. */
async function sniff(upload: Upload): Promise<string> {
  const type = await fileTypeFromBuffer(upload.data);
  if (!type || !ACCEPTED.has(type.mime)) {
    throw new AppError(
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `El archivo «${upload.fileName}» no es una imagen (JPEG, PNG o WebP) ni un PDF${type ? ` (su contenido es ${type.ext.toUpperCase()})` : ''}. Suba una fotografía o un PDF de la hoja firmada.`,
      { errors: [{ field: 'archivo', message: 'debe ser una imagen JPEG, PNG o WebP, o un PDF' }] },
    );
  }
  return type.mime;
}

function safeName(name: string): string {
  return name.replace(/[\\/]/g, '_').slice(0, 200) || 'archivo';
}

/** Evidence of a meeting (photos of the signed sheet, the signed minute). Coordination only; not after closing. */
export async function addMeetingAttachment(s: Services, ctx: RequestContext, meetingId: string, upload: Upload) {
  const mediaType = await sniff(upload);
  return s.db.transaction(async (tx) => {
    const meeting = await loadOpenMeeting(tx, meetingId, 'meetingId');
    const row = await repo.insertAttachment(tx, {
      ownerType: 'MEETING',
      ownerId: meetingId,
      fileName: safeName(upload.fileName),
      mediaType,
      content: upload.data,
      sha256: createHash('sha256').update(upload.data).digest('hex'),
      description: upload.description,
      uploadedBy: ctx.actor?.id ?? null,
    });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'meeting_attachment', entityId: row.id, detail: { meeting: meeting.number, mediaType, bytes: row.byteSize } })]);
    const { ownerId: _o, ownerType: _t, ...view } = row;
    return view;
  });
}

/** A document attached to a case (a referral, a prescription, a photo of the shortage notice). */
export async function addCaseAttachment(s: Services, ctx: RequestContext, caseId: string, upload: Upload) {
  const { row: found, access } = await loadVisibleCase(s.db.orm, ctx, caseId, 'UPDATE');
  await requireCaseWrite(ctx, access, found);
  const mediaType = await sniff(upload);
  return s.db.transaction(async (tx) => {
    const row = await repo.insertAttachment(tx, {
      ownerType: 'CASE',
      ownerId: caseId,
      fileName: safeName(upload.fileName),
      mediaType,
      content: upload.data,
      sha256: createHash('sha256').update(upload.data).digest('hex'),
      description: upload.description,
      uploadedBy: ctx.actor?.id ?? null,
    });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'case_attachment', entityId: row.id, unitId: found.unitId, detail: { code: found.code, mediaType, bytes: row.byteSize } })]);
    const { ownerId: _o, ownerType: _t, ...view } = row;
    return view;
  });
}
