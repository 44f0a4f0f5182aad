import { useRef, useState, type RefObject } from 'react';
import { serverFieldErrors } from './validation.ts';

type Errors = Record<string, string | undefined>;

/**
 * A form whose fields say what is wrong while the person fills it in: the client checks run on
 * every change and a field shows its message once it has been left (or at once for `instant`
 * fields that already hold something, or after a submit attempt). The server's messages (by
 * field) replace ours until that field changes again.
 */
export function useLiveForm<V extends Record<string, string | boolean>>(
  initial: V,
  validate: (v: V) => Errors,
  opts: { instant?: readonly (keyof V & string)[] } = {},
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const client = validate(values);

  const shown = (k: string): string | undefined => {
    if (server[k]) return server[k];
    const v = values[k];
    const instant = opts.instant?.includes(k) && typeof v === 'string' && v.trim() !== '';
    return submitted || touched.has(k) || instant ? client[k] : undefined;
  };
  const touch = (k: string) => setTouched((s) => (s.has(k) ? s : new Set(s).add(k)));
  const set = <K extends keyof V & string>(k: K, v: V[K]) => {
    setServer((s) => {
      if (!(k in s)) return s;
      const { [k]: _gone, ...rest } = s;
      return rest;
    });
    setValues((s) => ({ ...s, [k]: v }));
  };
  /** name, value, onChange, onBlur and the message of a text, date or select field. */
  const bind = <K extends keyof V & string>(k: K) => ({
    name: k,
    value: values[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as V[K]),
    onBlur: () => touch(k),
    error: shown(k),
  });
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  /** Marks the form submitted; true when the client checks pass. */
  const check = (): boolean => {
    setSubmitted(true);
    setServer({});
    const ok = !Object.values(client).some(Boolean);
    if (!ok) focusFirstError();
    return ok;
  };
  const fromServer = (err: unknown) => {
    setServer(serverFieldErrors(err));
    focusFirstError();
  };
  return {
    values,
    setValues,
    set,
    bind,
    error: shown,
    check,
    fromServer,
    formRef: formRef as RefObject<HTMLFormElement>,
    serverErrors: server,
  };
}

/** "12,5" or "12.5" → 12.5; '' or nonsense → NaN. */
export function parseDecimal(s: string): number {
  const v = s.trim().replace(',', '.');
  return v === '' || !/^-?\d*\.?\d+$/.test(v) ? Number.NaN : Number(v);
}
