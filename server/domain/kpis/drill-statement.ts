import { Prisma } from '../../generated/prisma/client.ts';
import { ValidationError } from '../errors.ts';
import type { Cte } from './family.ts';
import type { KpiQuery } from './kpi-query.ts';
import { paramsCte, raw, sql, type Sql } from './sql.ts';

/** How to list one figure's records: its rows, condition, contribution and order. */
export interface DrillSpec {
  ctes: Cte[];
  from: Sql;
  id: Sql;
  condition: Sql;
  amount: Sql | null;
  weighted: Sql | null;
  days: Sql | null;
  sortKey: Sql;
  sortType: 'numeric' | 'timestamptz' | 'text';
  /** Largest first (amounts) or smallest first (due times, names); the id breaks ties ascending. */
  descending: boolean;
}

export interface DrillCursor {
  key: string;
  id: string;
}

/**
 * One statement per page: the set's size, and `limit` records after the cursor in the set's order.
 * It always returns a row (with a null id when the page is empty), so the size is never lost.
 */
export function buildDrillStatement(q: KpiQuery, spec: DrillSpec, limit: number, after: DrillCursor | null): Sql {
  const ctes = new Map<string, Sql>([['p', paramsCte(q)]]);
  for (const cte of spec.ctes) if (!ctes.has(cte.name)) ctes.set(cte.name, cte.body);
  const optional = (value: Sql | null) => value ?? sql`NULL`;
  ctes.set(
    'matched',
    sql`SELECT ${spec.id} AS id, ${optional(spec.amount)}::numeric AS amount, ${optional(spec.weighted)}::numeric AS weighted,
               ${optional(spec.days)}::float8 AS days, ${spec.sortKey} AS sort_key
        FROM ${spec.from} WHERE ${spec.condition}`,
  );
  const type = raw(spec.sortType);
  const direction = raw(spec.descending ? 'DESC' : 'ASC');
  const beyond = raw(spec.descending ? '<' : '>');
  const keyset = after
    ? sql`WHERE m.sort_key ${beyond} ${after.key}::${type} OR (m.sort_key = ${after.key}::${type} AND m.id > ${after.id}::uuid)`
    : Prisma.empty;
  const withClause = Prisma.join(
    [...ctes].map(([name, body]) => sql`${raw(name)} AS (${body})`),
    ', ',
  );
  return sql`
    WITH ${withClause}
    SELECT t.total, pg.id, pg.amount::text AS amount, pg.weighted::text AS weighted, pg.days, pg.sort_key::text AS sort_key
    FROM (SELECT count(*)::int AS total FROM matched) t
    LEFT JOIN LATERAL (SELECT m.* FROM matched m ${keyset} ORDER BY m.sort_key ${direction}, m.id LIMIT ${limit}) pg ON TRUE
    ORDER BY pg.sort_key ${direction}, pg.id`;
}

export function encodeDrillCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** What a sort key of each type looks like as PostgreSQL prints it, so a forged cursor cannot fail a cast. */
const KEY_SHAPES: Record<DrillSpec['sortType'], RegExp> = {
  numeric: /^-?\d{1,20}(\.\d{1,10})?$/,
  timestamptz: /^(infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/,
  text: /^[^\u0000]{0,400}$/,
};

export function decodeDrillCursor(cursor: string, sortType: DrillSpec['sortType']): DrillCursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof key === 'string' && typeof id === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) && KEY_SHAPES[sortType].test(key)) {
      return { key, id };
    }
  } catch {
    // reported below
  }
  throw ValidationError.field('after', 'INVALID_CURSOR', 'This is not a cursor of this list.');
}
