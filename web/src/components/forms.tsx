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

function ids(base: string, hint: boolean, error: boolean) {
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

function Label({ htmlFor, children, required }: { htmlFor: string; children: ReactNode; required?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <label className="field-label" htmlFor={htmlFor}>
      {children}
      {required ? (
        <span className="field-required" aria-hidden="true" title={t('common.required')}>
          {' *'}
        </span>
      ) : null}
    </label>
  );
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

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & FieldChrome & { id?: string; suffix?: ReactNode; ref?: Ref<HTMLInputElement> };

export function TextField({ label, hint, error, required, span, id, suffix, className, ref, ...rest }: InputProps) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/:/g, '')}`;
  const { hintId, errorId, describedBy } = ids(inputId, Boolean(hint), Boolean(error));
  return (
    <div className={`field ${span === 'full' ? 'field-full' : ''} ${error ? 'has-error' : ''}`}>
      <Label htmlFor={inputId} required={required}>
        {label}
      </Label>
      <div className={suffix ? 'input-with-suffix' : undefined}>
        <input
          ref={ref}
          id={inputId}
          className={`input ${className ?? ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          required={required}
          {...rest}
        />
        {suffix}
      </div>
      <FieldMessage id={errorId} error={error} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & FieldChrome & { id?: string };

export function TextAreaField({ label, hint, error, required, span, id, className, ...rest }: TextareaProps) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/:/g, '')}`;
  const { hintId, errorId, describedBy } = ids(inputId, Boolean(hint), Boolean(error));
  return (
    <div className={`field ${span === 'full' ? 'field-full' : ''} ${error ? 'has-error' : ''}`}>
      <Label htmlFor={inputId} required={required}>
        {label}
      </Label>
      <textarea
        id={inputId}
        className={`input textarea ${className ?? ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
        {...rest}
      />
      <FieldMessage id={errorId} error={error} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> &
  FieldChrome & { id?: string; options: { value: string; label: string }[]; placeholder?: string | undefined };

export function SelectField({ label, hint, error, required, span, id, options, placeholder, className, ...rest }: SelectProps) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/:/g, '')}`;
  const { hintId, errorId, describedBy } = ids(inputId, Boolean(hint), Boolean(error));
  return (
    <div className={`field ${span === 'full' ? 'field-full' : ''} ${error ? 'has-error' : ''}`}>
      <Label htmlFor={inputId} required={required}>
        {label}
      </Label>
      <select
        id={inputId}
        className={`input select ${className ?? ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        required={required}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={errorId} error={error} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  id?: string;
  span?: 'full' | 'half' | undefined;
};

export function CheckboxField({ label, hint, error, id, span, ...rest }: CheckboxProps) {
  const auto = useId();
  const inputId = id ?? `f${auto.replace(/:/g, '')}`;
  const { hintId, errorId, describedBy } = ids(inputId, Boolean(hint), Boolean(error));
  return (
    <div className={`field field-check ${span === 'full' ? 'field-full' : ''} ${error ? 'has-error' : ''}`}>
      <div className="check">
        <input id={inputId} type="checkbox" aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
        <label htmlFor={inputId}>{label}</label>
      </div>
      <FieldMessage id={errorId} error={error} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
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
  const { t } = useTranslation();
  const auto = useId().replace(/:/g, '');
  const { hintId, errorId, describedBy } = ids(`g${auto}`, Boolean(hint), Boolean(error));
  const toggle = (v: string, on: boolean) => onChange(on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset className={`field field-full fieldset ${error ? 'has-error' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        {legend}
        {required ? (
          <span className="field-required" aria-hidden="true" title={t('common.required')}>
            {' *'}
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
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
