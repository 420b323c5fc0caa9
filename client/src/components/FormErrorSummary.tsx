interface Props {
  message?: string;
  /** Problems that belong to no field of the form. */
  details?: readonly string[];
}

/** A form-level notice above the fields; field-specific messages are shown at their fields. */
export function FormErrorSummary({ message, details = [] }: Props) {
  if (!message && details.length === 0) return null;
  return (
    <div className="banner banner--error" role="alert">
      {message && <p>{message}</p>}
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
