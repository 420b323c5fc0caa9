export type FieldErrors = Partial<Record<string, string>>;

/**
 * Sorts a ValidationError's entries to the form's fields. A path such as `tagIds.2` belongs to the
 * field `tagIds`; entries no field of the form shows (e.g. `input`) are returned as `unplaced`, so
 * the form can list them at the top instead of dropping them. `describe` gives an entry's text (in
 * the user's language, see useServerErrors).
 */
export function placeFieldErrors<Entry extends { field: string }>(
  entries: readonly Entry[],
  fields: readonly string[],
  describe: (entry: Entry) => string,
): { byField: FieldErrors; unplaced: string[] } {
  const byField: FieldErrors = {};
  const unplaced: string[] = [];
  for (const entry of entries) {
    const field = fields
      .filter((name) => entry.field === name || entry.field.startsWith(`${name}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (field) byField[field] ??= describe(entry);
    else unplaced.push(describe(entry));
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
