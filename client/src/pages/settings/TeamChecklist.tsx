interface Props {
  id: string;
  label: string;
  teams: readonly { id: string; name: string }[];
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string;
  hint?: string;
}

/** Teams as a group of checkboxes; the error and hint are announced with the group. */
export function TeamChecklist({ id, label, teams, value, onChange, error, hint }: Props) {
  const selected = new Set(value);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <fieldset className={`field field--wide${error ? ' field--invalid' : ''}`} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field__label">{label}</legend>
      <div className="tag-picker">
        {teams.map((team) => (
          <label key={team.id} className="tag-picker__option">
            <input
              type="checkbox"
              checked={selected.has(team.id)}
              onChange={(event) => onChange(event.target.checked ? [...value, team.id] : value.filter((teamId) => teamId !== team.id))}
            />
            {team.name}
          </label>
        ))}
      </div>
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
    </fieldset>
  );
}
