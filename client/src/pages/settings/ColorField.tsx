interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** A tag's colour (#rrggbb) with the browser's colour picker. */
export function ColorField({ id, label, value, onChange, error }: Props) {
  return (
    <div className={`field settings-color${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="color"
        className="settings-color__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
