/**
 * Three-way merge of a form with new server data, so a form being edited can follow what changed
 * meanwhile (a stage move, an added activity that bumped the version) without losing the user's
 * typing:
 * - a field the user has not touched (value = base) takes the server's new value;
 * - a field the user changed keeps the user's value;
 * - a field both changed to different values is a conflict: the form must not silently adopt
 *   the new version, so saving it makes the server report the conflict.
 */
export function rebase<Values extends Record<string, string>>(
  values: Values,
  base: Values,
  fresh: Values,
): { values: Values; conflicts: (keyof Values)[] } {
  const merged = { ...values };
  const conflicts: (keyof Values)[] = [];
  for (const key of Object.keys(fresh) as (keyof Values)[]) {
    if (values[key] === base[key]) merged[key] = fresh[key];
    else if (fresh[key] !== base[key] && fresh[key] !== values[key]) conflicts.push(key);
  }
  return { values: merged, conflicts };
}

/** The fields whose value differs from the base: what a save sends. */
export function changedKeys<Values extends Record<string, string>>(values: Values, base: Values): (keyof Values)[] {
  return (Object.keys(values) as (keyof Values)[]).filter((key) => values[key] !== base[key]);
}
