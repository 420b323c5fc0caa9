import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Labelled form controls. The error message sits right under its control, is linked to it with
 * `aria-describedby` and marks it `aria-invalid`, so it is announced with the field.
 */
interface BaseProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

function FieldShell({ id, label, error, hint, required, className, children }: BaseProps & { children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
        {required && <span className="field__required" aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && !error && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string) {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'date' | 'search';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  maxLength?: number;
  autoFocus?: boolean;
}

export function TextField({ value, onChange, type = 'text', autoComplete, inputMode, maxLength, autoFocus, ...base }: TextFieldProps) {
  return (
    <FieldShell {...base}>
      <input
        id={base.id}
        name={base.id}
        className="input"
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        autoFocus={autoFocus}
        aria-required={base.required || undefined}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(base.id, base.error, base.hint)}
      />
    </FieldShell>
  );
}

interface TextAreaFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  rows?: number;
}

export function TextAreaField({ value, onChange, rows = 4, ...base }: TextAreaFieldProps) {
  return (
    <FieldShell {...base}>
      <textarea
        id={base.id}
        name={base.id}
        className="input"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(base.id, base.error, base.hint)}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  options: readonly SelectOption[];
}

export function SelectField({ value, onChange, options, ...base }: SelectFieldProps) {
  return (
    <FieldShell {...base}>
      <select
        id={base.id}
        name={base.id}
        className="input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={base.error ? true : undefined}
        aria-describedby={describedBy(base.id, base.error, base.hint)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

interface TagPickerProps {
  id: string;
  label: string;
  tags: readonly { id: string; name: string; color: string }[];
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string;
}

/** Tags as a group of checkboxes, each showing the tag's colour. */
export function TagPicker({ id, label, tags, value, onChange, error }: TagPickerProps) {
  const { t } = useTranslation();
  const selected = new Set(value);
  return (
    <fieldset
      className={`field field--wide${error ? ' field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="field__label">{label}</legend>
      {tags.length === 0 ? (
        <p className="field__hint">{t('customer.noTags')}</p>
      ) : (
        <div className="tag-picker">
          {tags.map((tag) => (
            <label key={tag.id} className="tag-picker__option">
              <input
                type="checkbox"
                checked={selected.has(tag.id)}
                onChange={(event) =>
                  onChange(event.target.checked ? [...value, tag.id] : value.filter((tagId) => tagId !== tag.id))
                }
              />
              <span className="tag" style={{ borderColor: tag.color }}>
                <span className="tag__dot" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
              </span>
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
