import type { ReactNode } from 'react';
import { ErrorAlert, LoadMore, Loading } from './feedback.tsx';

/** What a keyset-paged list query (usePagedList) offers to the table. */
interface PagedListState<T> {
  items: T[];
  data: unknown;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * A list page's results: the error, loading and empty states, a responsive table with a
 * hidden caption and column headers, and "Cargar más" for further keyset pages.
 */
export function PagedTable<T>({
  list,
  empty,
  caption,
  columns,
  className,
  errorFields,
  children,
}: {
  list: PagedListState<T>;
  empty: string;
  caption: string;
  columns: (string | false)[];
  className?: string;
  /** Server field name → visible label, for the error summary. */
  errorFields?: Record<string, string>;
  /** The table rows. */
  children: (items: T[]) => ReactNode;
}) {
  const { items } = list;
  return (
    <>
      {list.isError ? <ErrorAlert error={list.error} {...(errorFields ? { fields: errorFields } : {})} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        items.length === 0 ? (
          <p className="empty">{empty}</p>
        ) : (
          <div className="table-wrap">
            <table className={`table table-responsive${className ? ` ${className}` : ''}`}>
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) =>
                    c === false ? null : (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>{children(items)}</tbody>
            </table>
          </div>
        )
      ) : null}
      {list.data && items.length > 0 ? (
        <LoadMore shown={items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      ) : null}
    </>
  );
}
