import { problemSchema } from './problem.ts';

/** Documents the problem+json answers a route can give, for the OpenAPI document. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
}
