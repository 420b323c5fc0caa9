export interface FieldErrorEntry {
  field: string;
  message: string;
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * Sorts a ValidationError's entries to the form's fields. A path such as `tagIds.2` belongs to the
 * field `tagIds`; entries no field of the form shows (e.g. `input`) are returned as `unplaced`, so
 * the form can list them at the top instead of dropping them.
 */
export function placeFieldErrors(
  entries: readonly FieldErrorEntry[],
  fields: readonly string[],
): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const entry of entries) {
    const field = fields
      .filter((name) => entry.field === name || entry.field.startsWith(`${name}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (field) byField[field] ??= entry.message;
    else unplaced.push(entry.message);
  }
  return { byField, unplaced };
}

/** Trimmed text, or null for blank: the API stores blank optional fields as null. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A whole number from a text input; `undefined` when the text is not one (blank gives null). */
export function wholeNumberOrNull(value: string): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
