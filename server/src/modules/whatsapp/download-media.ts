/**
 * Downloads the files families send (photos of prescriptions, PDFs, voice notes) while Meta still
 * keeps them (30 days), so staff can open them from the conversation. Without an access token (the
 * local outbox) there is nothing to download from. Network and 5xx failures are retried with backoff
 * up to MAX_ATTEMPTS; others (expired media, a file over the size limit) are recorded on the row.
 */
import type { Services } from '../../platform/services.ts';
import { downloadMedia } from './cloud-api.ts';
import * as repo from './repo.ts';
import { backoffSeconds } from './send-outbound.ts';

const MAX_ATTEMPTS = 5;
const BATCH = 10;

/** Downloads one batch; returns how many messages it handled (0: nothing to do). */
export async function downloadPendingMedia(s: Services): Promise<number> {
  const cfg = s.config.whatsapp;
  if (!cfg.accessToken) return 0;
  const pending = await repo.mediaToDownload(s.db.orm, BATCH);
  for (const p of pending) {
    const attempts = p.attempts + 1;
    const res = await downloadMedia(cfg, p.mediaId);
    if (res.ok) {
      await repo.saveMedia(s.db.orm, { inboundId: p.inboundId, mediaId: p.mediaId, status: 'DOWNLOADED', attempts, mimeType: res.mimeType, sha256: res.sha256, content: res.content });
    } else if (res.retry && attempts < MAX_ATTEMPTS) {
      await repo.saveMedia(s.db.orm, { inboundId: p.inboundId, mediaId: p.mediaId, status: 'RETRY', attempts, error: res.title, retryAt: new Date(Date.now() + backoffSeconds(attempts) * 1000) });
    } else {
      await repo.saveMedia(s.db.orm, { inboundId: p.inboundId, mediaId: p.mediaId, status: 'FAILED', attempts, error: res.title });
      s.log.warn({ inboundId: p.inboundId, error: res.title }, 'whatsapp media download failed');
    }
  }
  return pending.length;
}
