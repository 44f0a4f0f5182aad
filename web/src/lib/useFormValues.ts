import { useState } from 'react';

// Keys whose value is exactly `string` (not a union of literals, which a free text could break).
type StringKeys<V> = { [K in keyof V]: string extends V[K] ? (V[K] extends string ? K : never) : never }[keyof V] & string;

/** The values of a form, a setter per field, and the props that bind a text field to one. */
export function useFormValues<V extends object>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const set = <K extends keyof V>(k: K, v: V[K]) => setValues((s) => ({ ...s, [k]: v }));
  /** name, value, onChange and the server's error for a field holding a string. */
  const text = <K extends StringKeys<V>>(k: K, errors: Record<string, string>) => ({
    name: k,
    value: values[k] as string,
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as V[K]),
    error: errors[k],
  });
  return { values, setValues, set, text };
}
