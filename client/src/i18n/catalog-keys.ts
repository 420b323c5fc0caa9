/** The keys of a nested catalog, joined with dots: `{ board: { title } }` → `board.title`. */
export function flattenKeys(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? flattenKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

const PLURAL_SUFFIXES = ['_zero', '_one', '_two', '_few', '_many', '_other'];

/**
 * The catalog keys a source file names: string literals whose first part is one of the catalog's
 * areas (`'board.title'` in `t('board.title')`, in a key map or a `label` property). Template
 * literals with `${…}` are not read here: those run over typed unions, which the type check covers.
 */
export function keysUsedIn(source: string, areas: readonly string[]): string[] {
  const pattern = new RegExp(String.raw`(['"\`])((?:${areas.join('|')})\.[A-Za-z0-9_.]+)\1`, 'g');
  return [...source.matchAll(pattern)].map((match) => match[2]);
}

/** Keys used that the catalog lacks; a plural key (`count_one`, `count_other`) counts as `count`. */
export function missingKeys(used: readonly string[], catalogKeys: readonly string[]): string[] {
  const known = new Set(catalogKeys);
  for (const key of catalogKeys) {
    const suffix = PLURAL_SUFFIXES.find((candidate) => key.endsWith(candidate));
    if (suffix) known.add(key.slice(0, -suffix.length));
  }
  return [...new Set(used)].filter((key) => !known.has(key)).sort();
}
