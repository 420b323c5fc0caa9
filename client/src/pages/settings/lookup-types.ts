import type { Answer } from './useFeedback.ts';

/** An entry of an editable lookup list: named ones have an id, keyed ones are known by their key. */
export interface LookupEntry {
  id: string;
  label: string;
  /** Keyed lists: the stable key (e.g. BANKRUPT), shown beside the label. */
  key?: string;
  /** Lists that can deactivate an entry instead of deleting it (loss reasons, sources). */
  active?: boolean;
  /** Tags. */
  color?: string;
  /** Built-in entries of keyed lists cannot be deleted. */
  builtIn?: boolean;
}

export interface LookupValues {
  label: string;
  key?: string;
  color?: string;
}

/** What a list can do, each through its own mutation; absent ones are not offered. */
export interface LookupActions {
  create(values: LookupValues): Promise<Answer>;
  change(entry: LookupEntry, values: LookupValues): Promise<Answer>;
  remove(entry: LookupEntry): Promise<Answer>;
  setActive?(entry: LookupEntry, active: boolean): Promise<Answer>;
  reorder?(ids: string[]): Promise<Answer>;
}

/** How the API names the fields of a list's mutations: `name` (named lists) or `label` and `key` (keyed ones). */
export interface LookupFieldNames {
  label: 'name' | 'label';
  key?: 'key';
  color?: 'color';
}
