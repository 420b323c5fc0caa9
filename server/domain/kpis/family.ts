import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { KpiQuery } from './kpi-query.ts';
import { paramsCte, raw, sql, type Sql } from './sql.ts';

/**
 * A family is the figures that read the same rows (e.g. all opportunity figures of a period):
 * whichever of its figures a request asks for are answered by ONE statement, built from the parts
 * asked for only, so a client pays for the figures it selects. A part contributes aggregate
 * columns (computed in one pass over the family's rows) and/or a scalar subquery (a grouped list
 * as JSON), and reads its value back from the row.
 */
export interface Cte {
  name: string;
  body: Sql;
  /**
   * Let PostgreSQL inline the CTE into each reader rather than compute it once: for a plain
   * view of a table, so each reader's conditions reach the table's indexes and no copy of the
   * rows is written out.
   */
  inline?: boolean;
}

export interface Part<Value = unknown> {
  columns?: (q: KpiQuery) => Record<string, Sql>;
  /**
   * The only rows its columns aggregate (their FILTER conditions taken together). When every
   * part with columns names its rows, the aggregate reads just those, through the indexes.
   */
  rows?: (q: KpiQuery) => Sql;
  select?: (q: KpiQuery) => Sql;
  /** CTEs the part reads besides the family's own (shared by name). */
  ctes?: (q: KpiQuery) => Cte[];
  read: (values: Record<string, any>, q: KpiQuery) => Value;
}

export interface Family {
  name: string;
  /** The family's rows as CTEs (after `p`), e.g. the readable opportunities in scope. */
  ctes: (q: KpiQuery) => Cte[];
  /** What the aggregate columns run over, e.g. `o CROSS JOIN p`. */
  from: Sql;
  parts: Record<string, Part>;
}

/** `prefix` starts every column name, so that statements of several families can stand side by side. */
export function buildFamilyStatement(family: Family, q: KpiQuery, partNames: readonly string[], prefix = ''): Sql {
  const ctes = new Map<string, Cte>([['p', { name: 'p', body: paramsCte(q) }]]);
  const add = (list: Cte[]) => list.forEach((cte) => ctes.has(cte.name) || ctes.set(cte.name, cte));
  add(family.ctes(q));
  const columns: Sql[] = [];
  const selects: Sql[] = [];
  const rows: Array<Sql | null> = [];
  for (const name of partNames) {
    const part = partOf(family, name);
    add(part.ctes?.(q) ?? []);
    const partColumns = Object.entries(part.columns?.(q) ?? {});
    for (const [key, expression] of partColumns) columns.push(sql`${expression} AS ${alias(`${prefix}${name}.${key}`)}`);
    if (partColumns.length) rows.push(part.rows?.(q) ?? null);
    if (part.select) selects.push(sql`${part.select(q)} AS ${alias(`${prefix}${name}`)}`);
  }
  const withClause = Prisma.join(
    [...ctes.values()].map((cte) => sql`${raw(cte.name)} AS ${cte.inline ? raw('NOT MATERIALIZED ') : Prisma.empty}(${cte.body})`),
    ', ',
  );
  const where = rows.length && rows.every((condition) => condition !== null)
    ? sql` WHERE ${Prisma.join(rows.map((condition) => sql`(${condition})`), ' OR ')}`
    : Prisma.empty;
  const aggregates = columns.length ? sql`SELECT ${Prisma.join(columns, ', ')} FROM ${family.from}${where}` : sql`SELECT 1 AS ${alias(`${prefix}_`)}`;
  const extra = selects.length ? sql`, ${Prisma.join(selects, ', ')}` : Prisma.empty;
  return sql`WITH ${withClause} SELECT agg.*${extra} FROM (${aggregates}) agg`;
}

export interface FamilyGroup {
  family: Family;
  query: KpiQuery;
  partNames: readonly string[];
}

/**
 * The values of the asked-for parts of several families (and queries), from one statement: each
 * family's statement yields one row, and the rows are joined side by side, so a dashboard tab
 * costs one round trip for all its figures.
 */
export async function runFamilies(prisma: PrismaClient, groups: readonly FamilyGroup[]): Promise<Array<Map<string, unknown>>> {
  if (!groups.length) return [];
  const prefixes = groups.map((_, index) => (groups.length === 1 ? '' : `${index}:`));
  const statements = groups.map((group, index) => buildFamilyStatement(group.family, group.query, group.partNames, prefixes[index]));
  const statement = statements.length === 1
    ? statements[0]
    : sql`SELECT * FROM ${Prisma.join(statements.map((one, index) => sql`(${one}) ${raw(`g${index}`)}`), ' CROSS JOIN ')}`;
  const [row] = await prisma.$queryRaw<Array<Record<string, unknown>>>(statement);
  return groups.map(({ family, query, partNames }, index) => {
    const values = new Map<string, unknown>();
    for (const name of partNames) {
      const own: Record<string, unknown> = { value: row[`${prefixes[index]}${name}`] };
      for (const key of Object.keys(partOf(family, name).columns?.(query) ?? {})) own[key] = row[`${prefixes[index]}${name}.${key}`];
      values.set(name, partOf(family, name).read(own, query));
    }
    return values;
  });
}

/** The values of the asked-for parts, from one statement. */
export async function runFamily(prisma: PrismaClient, family: Family, q: KpiQuery, partNames: readonly string[]): Promise<Map<string, unknown>> {
  const [values] = await runFamilies(prisma, [{ family, query: q, partNames }]);
  return values;
}

function partOf(family: Family, name: string): Part {
  const part = family.parts[name];
  if (!part) throw new Error(`${family.name} has no figure ${name}.`);
  return part;
}

const alias = (name: string) => raw(`"${name.replace(/"/g, '')}"`);
