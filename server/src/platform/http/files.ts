/** File downloads: the OpenAPI shape of a binary answer and the headers every download carries. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A binary response body in the OpenAPI document. */
export const fileResponse = (description = 'Contenido del archivo') => z.string().meta({ format: 'binary', description });

/**
 * Sends a file as a download: Content-Disposition attachment with a name reduced to safe characters,
 * the content type given (never sniffed by the browser), and the bytes or stream as they are.
 */
export function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer | string | NodeJS.ReadableStream }) {
  return reply
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .type(file.contentType)
    .send(file.body as unknown as string);
}
