import { z } from 'zod';

/** `?active=true|false` as a boolean. */
export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `/:id` as a UUID. */
export const idParams = z.object({ id: z.uuid({ message: 'debe ser un UUID' }) });
