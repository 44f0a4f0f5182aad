import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address (shareable, survive a reload). `draft` is what the
 * form shows; `applied` is what the list queries. Selects apply at once, text applies on submit.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const applied = useMemo(() => {
    const p = new URLSearchParams(search);
    const out = {} as Record<K, string>;
    for (const k of keys) out[k] = p.get(k) ?? '';
    return out;
  }, [search, keys]);
  const [draft, setDraft] = useState<Record<K, string>>(applied);

  // The address changed from outside the form (a link, a reload): show what is applied.
  useEffect(() => setDraft(applied), [applied]);

  const apply = (next: Record<K, string>) => {
    const p = new URLSearchParams();
    for (const k of keys) if (next[k]) p.set(k, next[k].trim());
    setParams(p, { replace: true });
  };

  const set = (k: K, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  /** Sets a value and applies the whole draft at once (selects). */
  const setAndApply = (k: K, v: string) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    apply(next);
  };

  return {
    applied,
    draft,
    set,
    setAndApply,
    /** Props for a text field bound to a filter (applied on submit). */
    text: (k: K) => ({ name: k, value: draft[k], onChange: (e: { target: { value: string } }) => set(k, e.target.value) }),
    /** Props for a select bound to a filter (applied at once). */
    select: (k: K) => ({ name: k, value: draft[k], onChange: (e: { target: { value: string } }) => setAndApply(k, e.target.value) }),
    submit: () => apply(draft),
    clear: () => {
      const empty = {} as Record<K, string>;
      for (const k of keys) empty[k] = '';
      setDraft(empty);
      apply(empty);
    },
  };
}
