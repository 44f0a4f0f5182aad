import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Renders the field narrower or wider in the form grid. */
  span?: 'full' | 'half' | undefined;
}

function useFieldIds(id: string | undefined, hint: boolean, error: boolean) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/:/g, '')}`;
  return { inputId, ...ids(inputId, hint, error) };
}

function ids(base: string, hint: boolean, error: boolean) {
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

function RequiredMark({ required }: { required?: boolean | undefined }) {
  const { t } = useTranslation();
  return required ? (
    <span className="field-required" aria-hidden="true" title={t('common.required')}>
      {' *'}
    </span>
  ) : null;
}

function Hint({ id, hint }: { id: string | undefined; hint: ReactNode }) {
  return hint ? (
    <p className="field-hint" id={id}>
      {hint}
    </p>
  ) : null;
}

export function FieldMessage({ id, error }: { id: string | undefined; error: string | undefined }) {
  if (!error || !id) return null;
  return (
    <p className="field-error" id={id}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="field-error-icon">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <rect x="7.1" y="3.5" width="1.8" height="6" rx="0.9" fill="#fff" />
        <circle cx="8" cy="11.8" r="1" fill="#fff" />
      </svg>
      {error}
    </p>
  );
}

/**
 * The shared frame of a field: label, control, error and hint. The control (`children`) receives
 * its id and the ARIA attributes that tie it to its messages.
 */
function Field({
  id,
  label,
  hint,
  error,
  required,
  span,
  check,
  children,
}: FieldChrome & {
  id: string | undefined;
  check?: boolean;
  children: (a: { inputId: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const { inputId, hintId, errorId, describedBy } = useFieldIds(id, Boolean(hint), Boolean(error));
  const aria = { inputId, 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy };
  return (
    <div className={`field ${check ? 'field-check ' : ''}${span === 'full' ? 'field-full' : ''} ${error ? 'has-error' : ''}`}>
      {check ? (
        children(aria)
      ) : (
        <>
          <label className="field-label" htmlFor={inputId}>
            {label}
            <RequiredMark required={required} />
          </label>
          {children(aria)}
        </>
      )}
      <FieldMessage id={errorId} error={error} />
      <Hint id={hintId} hint={hint} />
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & FieldChrome & { id?: string; suffix?: ReactNode; ref?: Ref<HTMLInputElement> };

export function TextField({ label, hint, error, required, span, id, suffix, className, ref, ...rest }: InputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} span={span}>
      {({ inputId, ...aria }) => (
        <div className={suffix ? 'input-with-suffix' : undefined}>
          <input ref={ref} id={inputId} className={`input ${className ?? ''}`} {...aria} required={required} {...rest} />
          {suffix}
        </div>
      )}
    </Field>
  );
}

/** A password input (hidden characters unless `shown`), required by default. */
export function PasswordField({ shown, required = true, ...rest }: Omit<InputProps, 'type'> & { shown?: boolean }) {
  return <TextField type={shown ? 'text' : 'password'} required={required} {...rest} />;
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldChrome & { id?: string };

export function TextAreaField({ label, hint, error, required, span, id, className, ...rest }: TextareaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} span={span}>
      {({ inputId, ...aria }) => <textarea id={inputId} className={`input textarea ${className ?? ''}`} {...aria} required={required} {...rest} />}
    </Field>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> &
  FieldChrome & { id?: string; options: { value: string; label: string }[]; placeholder?: string | undefined };

export function SelectField({ label, hint, error, required, span, id, options, placeholder, className, ...rest }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} span={span}>
      {({ inputId, ...aria }) => (
        <select id={inputId} className={`input select ${className ?? ''}`} {...aria} required={required} {...rest}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & Omit<FieldChrome, 'required'> & { id?: string };

export function CheckboxField({ label, hint, error, id, span, ...rest }: CheckboxProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} span={span} check>
      {({ inputId, ...aria }) => (
        <div className="check">
          <input id={inputId} type="checkbox" {...aria} {...rest} />
          <label htmlFor={inputId}>{label}</label>
        </div>
      )}
    </Field>
  );
}

/** A group of checkboxes (multi-select) with a legend and one error for the group. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  required,
  columns,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: { value: string; label: ReactNode; description?: ReactNode }[];
  value: string[];
  onChange: (next: string[]) => void;
  required?: boolean;
  columns?: 1 | 2;
}) {
  const auto = useId().replace(/:/g, '');
  const { hintId, errorId, describedBy } = ids(`g${auto}`, Boolean(hint), Boolean(error));
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`field field-full fieldset ${error ? 'has-error' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Hint id={hintId} hint={hint} />
      <FieldMessage id={errorId} error={error} />
      <ul className={`check-list ${columns === 2 ? 'check-list-2' : ''}`}>
        {options.map((o) => {
          const id = `g${auto}-${o.value}`;
          return (
            <li key={o.value} className="check">
              <input id={id} type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
              <label htmlFor={id}>
                <span className="check-title">{o.label}</span>
                {o.description ? <span className="check-desc">{o.description}</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
