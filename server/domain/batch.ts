import { DomainError } from './errors.ts';

/**
 * The outcome of a rule applied to many inputs at once: per input the record it produced or the
 * error the single-record function would have thrown. The CSV import writes thousands of records
 * with a few statements per batch this way, and the single-record functions are a batch of one,
 * so there is one implementation of each rule.
 */
export type BatchResult<Output> = Output | DomainError;

/**
 * Tracks which inputs of a batch are still going; each step runs on the inputs that have not
 * failed yet, in their order, and may fail some of them.
 */
export class Batch<Input> {
  private readonly errors: Array<DomainError | undefined>;

  constructor(readonly inputs: Array<Input | DomainError>) {
    this.errors = inputs.map((input) => (input instanceof DomainError ? input : undefined));
  }

  /** Indexes of the inputs without an error so far. */
  get live(): number[] {
    return this.errors.flatMap((error, index) => (error ? [] : [index]));
  }

  input(index: number): Input {
    return this.inputs[index] as Input;
  }

  fail(index: number, error: DomainError) {
    this.errors[index] ??= error;
  }

  /** Applies per-input errors of a step computed for `indexes` (null: that input passed). */
  failEach(indexes: number[], errors: Array<DomainError | null | undefined>) {
    indexes.forEach((index, position) => {
      const error = errors[position];
      if (error) this.fail(index, error);
    });
  }

  /** The results: the error of each failed input, the output of each other one. */
  results<Output>(outputs: Map<number, Output>): Array<BatchResult<Output>> {
    return this.errors.map((error, index) => {
      if (error) return error;
      const output = outputs.get(index);
      if (output === undefined) throw new Error(`Batch input ${index} has neither a result nor an error.`);
      return output;
    });
  }
}

/**
 * Duplicates inside a batch, in input order: an input whose key (e.g. its e-mail) an earlier
 * accepted input already has is a duplicate of that one, unless it is not checked (`allowDuplicate`).
 */
export function withinBatch(items: Array<{ index: number; keys: string[]; checked: boolean }>) {
  const firstWithKey = new Map<string, number>();
  const accepted: number[] = [];
  const duplicateOfEarlier = new Map<number, number>();
  for (const { index, keys, checked } of items) {
    const earlier = checked ? keys.map((key) => firstWithKey.get(key)).find((found) => found !== undefined) : undefined;
    if (earlier !== undefined) {
      duplicateOfEarlier.set(index, earlier);
      continue;
    }
    accepted.push(index);
    for (const key of keys) if (!firstWithKey.has(key)) firstWithKey.set(key, index);
  }
  return { accepted, duplicateOfEarlier };
}

/** Records read by id (e.g. just inserted), in the order of the ids. */
export async function readInOrder<Row extends { id: string }>(ids: string[], read: Promise<Row[]>): Promise<Row[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await read).map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`Record ${id} was not found after it was written.`);
    return row;
  });
}

/** The single-record functions: the one result, thrown when it is an error. */
export function single<Output>([result]: Array<BatchResult<Output>>): Output {
  if (result instanceof DomainError) throw result;
  return result;
}
