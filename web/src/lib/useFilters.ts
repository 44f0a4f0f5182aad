import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address (shareable, survive reload). `draft` is what the form shows; `applied`
 * is what the list queries. Selects apply at once, text applies on submit.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => {
    const out = {} as Record<K, string>;
    for (const k of keys) out[k] = params.get(k) ?? '';
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params]);
  const [draft, setDraft] = useState<Record<K, string>>(applied);

  const apply = useCallback(
    (next: Record<K, string>) => {
      const p = new URLSearchParams();
      for (const k of keys) if (next[k]) p.set(k, next[k]);
      setParams(p, { replace: true });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [setParams],
  );

  return {
    applied,
    draft,
    set: (k: K, v: string) => setDraft((d) => ({ ...d, [k]: v })),
    /** Sets a value and applies the whole draft at once (selects). */
    setAndApply: (k: K, v: string) => {
      const next = { ...draft, [k]: v };
      setDraft(next);
      apply(next);
    },
    submit: () => apply(draft),
    clear: () => {
      const empty = {} as Record<K, string>;
      for (const k of keys) empty[k] = '';
      setDraft(empty);
      apply(empty);
    },
  };
}
