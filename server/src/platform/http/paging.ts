import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Query parameters every list endpoint accepts: an opaque cursor and a page size. */
export const pageQuery = {
  cursor: z.string().max(500).optional().describe('Cursor opaco devuelto como nextCursor por la página anterior'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Tamaño de página (1 a 200)'),
};

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError(400, 'INVALID_CURSOR', 'El parámetro «cursor» no es válido; vuelva a la primera página.', {
      errors: [{ field: 'parámetro cursor', message: 'cursor no válido' }],
    });
  }
}

/** Fetches limit + 1 rows to know whether there is a next page without counting. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (last: R) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
