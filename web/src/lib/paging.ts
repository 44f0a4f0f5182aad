import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type QueryValue } from '../api/client.ts';
import type { Page } from '../api/types.ts';

/** Every page of a keyset-paged list, following nextCursor (for small catalogues like units). */
export async function fetchAllPages<T>(path: string, query: Record<string, QueryValue> = {}, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: Page<T> = await api<Page<T>>(path, { query: { ...query, limit: 200, cursor }, signal });
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** A keyset-paged list with "Cargar más". */
export function usePagedList<T>(key: readonly unknown[], path: string, query: Record<string, QueryValue>, pageSize = 50) {
  const q = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api<Page<T>>(path, { query: { ...query, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...q, items };
}
