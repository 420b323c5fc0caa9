import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import * as generatedEnums from '../generated/prisma/enums.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import type { SqlConnection } from './sql-connection.ts';

// Proves that the database the migrations build is the one prisma/schema.prisma describes: the
// tables, columns, types, keys and enums, and for every model a row with every field set written
// and read back through the Prisma client. Everything is derived from the generated datamodel and
// the schema file, so models and fields added later are covered without editing this file.

// ---------------------------------------------------------------------------------------------
// The datamodel: the generated client's (Pothos' copy of Prisma's DMMF), completed with what only
// the schema file says (native types, @map/@@map, defaults, relation references, indexes).
// ---------------------------------------------------------------------------------------------

type DmmfField = ReturnType<typeof getDatamodel>['datamodel']['models'][string]['fields'][number];
type DmmfModel = ReturnType<typeof getDatamodel>['datamodel']['models'][string];

interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  dbName: string;
  nativeType?: { name: string; args: string[] };
  /** The raw text inside @default(...). */
  default?: string;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  relation?: { fields: string[]; references: string[]; onDelete?: string; onUpdate?: string };
}

interface SchemaModel {
  name: string;
  dbName: string;
  fields: Map<string, SchemaField>;
  /** Field lists of @@id, @@unique and @@index. */
  id?: string[];
  uniques: string[][];
  indexes: string[][];
}

interface SchemaEnum {
  name: string;
  dbName: string;
  values: { name: string; dbName: string }[];
}

const schemaPath = fileURLToPath(new URL('../../prisma/schema.prisma', import.meta.url));
const schemaText = readFileSync(schemaPath, 'utf8');
const schema = parseSchema(schemaText);
const generatedFields = documentedAsGenerated(schemaText);
const dmmfModels: Record<string, DmmfModel> = getDatamodel().datamodel.models;
const modelNames = Object.keys(dmmfModels);

/** `Model.field` of the fields whose `///` documentation says the database generates them. */
function documentedAsGenerated(text: string): Set<string> {
  const fields = new Set<string>();
  let model: string | undefined;
  let doc = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*model\s+(\w+)\s*\{/.exec(line);
    if (header) model = header[1];
    const comment = /^\s*\/\/\/(.*)$/.exec(line);
    if (comment) {
      doc += ` ${comment[1]}`;
      continue;
    }
    const field = /^\s*(\w+)\s+\w+/.exec(line);
    if (model && field && /dbgenerated\(/.test(line) && /\bGENERATED ALWAYS\b/.test(doc)) fields.add(`${model}.${field[1]}`);
    doc = '';
  }
  return fields;
}

/** Removes `//` comments (also `///` docs) outside string literals. */
function stripComment(line: string) {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (inString && char === '\\') i++;
    else if (char === '"') inString = !inString;
    else if (!inString && char === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

/** The text inside the parentheses that follow `prefix` in `text`, honouring nesting and strings. */
function argumentsOf(text: string, prefix: string | RegExp): string | undefined {
  const pattern = typeof prefix === 'string' ? new RegExp(`(^|\\s)${prefix.replace(/[.@]/g, '\\$&')}\\(`) : prefix;
  const match = pattern.exec(text);
  if (!match) return undefined;
  let depth = 1;
  let inString = false;
  const start = match.index + match[0].length;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`Unbalanced parentheses after ${String(prefix)} in: ${text}`);
}

function stringArgument(args: string | undefined) {
  const match = args?.match(/^\s*"((?:[^"\\]|\\.)*)"/);
  return match ? (JSON.parse(`"${match[1]}"`) as string) : undefined;
}

/** Field names of `[a, b(sort: Desc), c]`, the first list in the arguments (or after `key:`). */
function fieldList(args: string | undefined, key?: string): string[] | undefined {
  if (args === undefined) return undefined;
  const match = key ? new RegExp(`\\b${key}\\s*:\\s*\\[([^\\]]*)\\]`).exec(args) : /\[([^\]]*)\]/.exec(args);
  if (!match) return undefined;
  return match[1]
    .replace(/\([^)]*\)/g, '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function parseSchema(text: string) {
  const models = new Map<string, SchemaModel>();
  const enums = new Map<string, SchemaEnum>();
  const lines = text.split(/\r?\n/).map(stripComment);
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*(model|enum|view|type)\s+(\w+)\s*\{\s*$/.exec(lines[i]);
    if (!header) continue;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*\}\s*$/.test(lines[i]); i++) if (lines[i].trim()) body.push(lines[i].trim());
    const [, kind, name] = header;
    if (kind === 'enum') {
      const values = body.filter((line) => !line.startsWith('@@')).map((line) => {
        const [valueName] = line.split(/\s+/);
        return { name: valueName, dbName: stringArgument(argumentsOf(line, '@map')) ?? valueName };
      });
      const map = body.find((line) => line.startsWith('@@map('));
      enums.set(name, { name, dbName: stringArgument(map && argumentsOf(map, '@@map')) ?? name, values });
      continue;
    }
    if (kind !== 'model') throw new Error(`schema-roundtrip.test.ts does not know ${kind} blocks yet (${name})`);
    const model: SchemaModel = { name, dbName: name, fields: new Map(), uniques: [], indexes: [] };
    for (const line of body) {
      if (line.startsWith('@@')) {
        const attribute = /^@@(\w+)/.exec(line)![1];
        const args = argumentsOf(line, `@@${attribute}`);
        if (attribute === 'map') model.dbName = stringArgument(args) ?? name;
        else if (attribute === 'id') model.id = fieldList(args, /fields\s*:/.test(args ?? '') ? 'fields' : undefined);
        else if (attribute === 'unique') model.uniques.push(fieldList(args, /fields\s*:/.test(args ?? '') ? 'fields' : undefined)!);
        else if (attribute === 'index') model.indexes.push(fieldList(args, /fields\s*:/.test(args ?? '') ? 'fields' : undefined)!);
        continue;
      }
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!match) throw new Error(`Cannot read field line of ${name}: ${line}`);
      const [, fieldName, type, list, optional, attributes] = match;
      const native = /(?:^|\s)@db\.(\w+)(\(([^)]*)\))?/.exec(attributes);
      const relationArgs = argumentsOf(attributes, '@relation');
      const relationFields = fieldList(relationArgs, 'fields');
      model.fields.set(fieldName, {
        name: fieldName,
        type,
        optional: Boolean(optional),
        list: Boolean(list),
        dbName: stringArgument(argumentsOf(attributes, '@map')) ?? fieldName,
        nativeType: native ? { name: native[1], args: native[3] ? native[3].split(',').map((arg) => arg.trim()) : [] } : undefined,
        default: argumentsOf(attributes, '@default'),
        isId: /(^|\s)@id\b/.test(attributes),
        isUnique: /(^|\s)@unique\b/.test(attributes),
        isUpdatedAt: /(^|\s)@updatedAt\b/.test(attributes),
        relation: relationFields
          ? {
              fields: relationFields,
              references: fieldList(relationArgs, 'references') ?? [],
              onDelete: /onDelete\s*:\s*(\w+)/.exec(relationArgs!)?.[1],
              onUpdate: /onUpdate\s*:\s*(\w+)/.exec(relationArgs!)?.[1],
            }
          : undefined,
      });
    }
    models.set(name, model);
  }
  return { models, enums };
}

function schemaModel(model: string) {
  const found = schema.models.get(model);
  if (!found) throw new Error(`Model ${model} of the generated client is not in prisma/schema.prisma: run \`npm run generate\``);
  return found;
}

function schemaField(model: string, field: string) {
  const found = schemaModel(model).fields.get(field);
  if (!found) throw new Error(`${model}.${field} of the generated client is not in prisma/schema.prisma: run \`npm run generate\``);
  return found;
}

/** Scalar and enum fields: the ones with a column. */
function columnFields(model: string) {
  return dmmfModels[model].fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum');
}

interface Relation {
  field: string;
  target: string;
  fields: string[];
  references: string[];
  required: boolean;
  onDelete?: string;
  onUpdate?: string;
}

/** The relations whose foreign key lives in this model's table. */
function ownedRelations(model: string): Relation[] {
  return dmmfModels[model].fields
    .filter((field) => field.kind === 'object' && field.relationFromFields?.length)
    .map((field) => {
      const relation = schemaField(model, field.name).relation!;
      return {
        field: field.name,
        target: field.type,
        fields: [...field.relationFromFields!],
        references: relation.references,
        required: field.isRequired,
        onDelete: relation.onDelete,
        onUpdate: relation.onUpdate,
      };
    });
}

function primaryKey(model: string): string[] {
  const dmmf = dmmfModels[model];
  if (dmmf.primaryKey) return [...dmmf.primaryKey.fields];
  const ids = dmmf.fields.filter((field) => field.isId).map((field) => field.name);
  if (ids.length) return ids;
  const unique = dmmf.fields.find((field) => field.isUnique);
  return unique ? [unique.name] : [...dmmf.uniqueIndexes[0].fields];
}

function dbColumn(model: string, field: string) {
  return schemaField(model, field).dbName;
}

/**
 * The expression of a column the database generates (GENERATED ALWAYS AS ... STORED). schema.prisma
 * declares it as `@default(dbgenerated("<expression>"))` with a doc comment that says "generated";
 * Prisma cannot write such a column, so the round trip reads it and checks its value instead.
 */
function generationExpression(model: string, field: string): string | undefined {
  const declared = schemaField(model, field);
  const expression = stringArgument(declared.default && argumentsOf(declared.default, 'dbgenerated'));
  return expression !== undefined && generatedFields.has(`${model}.${field}`) ? expression : undefined;
}

/** PostgreSQL's `format_type` of the column Prisma's migrate would create for the field. */
function expectedColumnType(model: string, field: DmmfField): string | undefined {
  const declared = schemaField(model, field.name);
  let type: string | undefined;
  if (field.kind === 'enum') type = `"${schema.enums.get(field.type)?.dbName ?? field.type}"`;
  else if (declared.nativeType) {
    const { name, args } = declared.nativeType;
    const precision = args.length ? `(${args.join(',')})` : '';
    type = (
      {
        Text: 'text',
        VarChar: `character varying${precision}`,
        Char: `character${precision}`,
        Uuid: 'uuid',
        Xml: 'xml',
        Inet: 'inet',
        Citext: 'citext',
        Bit: `bit${precision}`,
        VarBit: `bit varying${precision}`,
        SmallInt: 'smallint',
        Integer: 'integer',
        Oid: 'oid',
        BigInt: 'bigint',
        DoublePrecision: 'double precision',
        Real: 'real',
        Decimal: `numeric${precision}`,
        Money: 'money',
        Timestamptz: `timestamp${precision} with time zone`,
        Timestamp: `timestamp${precision} without time zone`,
        Date: 'date',
        Time: `time${precision} without time zone`,
        Timetz: `time${precision} with time zone`,
        Json: 'json',
        JsonB: 'jsonb',
        ByteA: 'bytea',
        Boolean: 'boolean',
      } as Record<string, string>
    )[name];
  } else {
    type = (
      {
        String: 'text',
        Boolean: 'boolean',
        Int: 'integer',
        BigInt: 'bigint',
        Float: 'double precision',
        Decimal: 'numeric(65,30)',
        DateTime: 'timestamp(3) without time zone',
        Json: 'jsonb',
        Bytes: 'bytea',
      } as Record<string, string>
    )[field.type];
  }
  return type && field.isList ? `${type}[]` : type;
}

// ---------------------------------------------------------------------------------------------
// The database as it is.
// ---------------------------------------------------------------------------------------------

interface Catalog {
  tables: string[];
  columns: { table: string; column: string; type: string; nullable: boolean; generated: boolean }[];
  constraints: { table: string; name: string; kind: 'p' | 'f'; columns: string[]; refTable: string | null; refColumns: string[] | null; onDelete: string; onUpdate: string }[];
  indexes: { table: string; name: string; unique: boolean; columns: string[] }[];
  enums: { name: string; labels: string[] }[];
}

async function readCatalog(connection: SqlConnection): Promise<Catalog> {
  const tables = await connection.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const columns = await connection.query<{ table: string; column: string; is_nullable: string; is_generated: string; type: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column", c.is_nullable, c.is_generated,
            format_type(a.atttypid, a.atttypmod) AS "type"
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
      WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`,
  );
  const constraints = await connection.query<Catalog['constraints'][number]>(
    `SELECT rel.relname AS "table", con.conname AS "name", con.contype AS "kind", frel.relname AS "refTable",
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS "columns",
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "refColumns",
            con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = rel.relnamespace
       LEFT JOIN pg_class frel ON frel.oid = con.confrelid
      WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f') AND rel.relname <> '_prisma_migrations'`,
  );
  const indexes = await connection.query<Catalog['indexes'][number]>(
    `SELECT t.relname AS "table", i.relname AS "name", ix.indisunique AS "unique",
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum) AS "columns"
       FROM pg_index ix
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`,
  );
  const enums = await connection.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS "name", json_agg(e.enumlabel ORDER BY e.enumsortorder) AS "labels"
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      GROUP BY t.typname`,
  );
  return {
    tables: tables.map((row) => row.table_name),
    columns: columns.map((row) => ({
      table: row.table,
      column: row.column,
      type: row.type,
      nullable: row.is_nullable === 'YES',
      generated: row.is_generated === 'ALWAYS',
    })),
    constraints: constraints.map((row) => ({ ...row, columns: row.columns ?? [], refColumns: row.refColumns })),
    indexes: indexes.map((row) => ({ ...row, columns: row.columns ?? [] })),
    enums,
  };
}

// ---------------------------------------------------------------------------------------------
// Differences between the two. Each returns readable problems, none when the database matches.
// ---------------------------------------------------------------------------------------------

function tableProblems(catalog: Catalog) {
  const expected = new Set(modelNames.map((model) => schemaModel(model).dbName));
  const actual = new Set(catalog.tables);
  return [
    ...[...expected].filter((table) => !actual.has(table)).map((table) => `missing table ${table}`),
    ...[...actual].filter((table) => !expected.has(table)).map((table) => `table ${table} is not in schema.prisma`),
  ];
}

function columnProblems(catalog: Catalog) {
  const problems: string[] = [];
  for (const model of modelNames) {
    const table = schemaModel(model).dbName;
    const actual = new Map(catalog.columns.filter((column) => column.table === table).map((column) => [column.column, column]));
    if (!catalog.tables.includes(table)) continue;
    const expected = new Set<string>();
    for (const field of columnFields(model)) {
      const column = dbColumn(model, field.name);
      expected.add(column);
      const found = actual.get(column);
      if (!found) {
        problems.push(`missing column ${table}.${column} (${model}.${field.name})`);
        continue;
      }
      const type = expectedColumnType(model, field);
      if (type === undefined) problems.push(`${model}.${field.name}: this test does not know the column type of ${field.type} ${JSON.stringify(schemaField(model, field.name).nativeType)}`);
      else if (found.type.replaceAll('"', '') !== type.replaceAll('"', '')) problems.push(`column ${table}.${column} is ${found.type}, schema.prisma says ${type}`);
      if (found.generated !== (generationExpression(model, field.name) !== undefined)) {
        problems.push(
          found.generated
            ? `column ${table}.${column} is generated by the database, schema.prisma must say @default(dbgenerated("<its expression>"))`
            : `column ${table}.${column} is not generated, schema.prisma says it is (a dbgenerated default documented as generated)`,
        );
      }
      if (!field.isList && found.nullable === field.isRequired) {
        problems.push(`column ${table}.${column} is ${found.nullable ? 'nullable' : 'NOT NULL'}, schema.prisma says ${field.isRequired ? 'required' : 'optional'}`);
      }
    }
    for (const column of actual.keys()) if (!expected.has(column)) problems.push(`column ${table}.${column} is not in schema.prisma (model ${model})`);
  }
  return problems;
}

const referentialActions: Record<string, string> = { Cascade: 'c', Restrict: 'r', NoAction: 'a', SetNull: 'n', SetDefault: 'd' };

function keyProblems(catalog: Catalog) {
  const problems: string[] = [];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  for (const model of modelNames) {
    const table = schemaModel(model).dbName;
    if (!catalog.tables.includes(table)) continue;
    const columns = (fields: readonly string[]) => fields.map((field) => dbColumn(model, field));

    const pk = columns(primaryKey(model));
    const actualPk = catalog.constraints.find((constraint) => constraint.table === table && constraint.kind === 'p');
    if (!actualPk) problems.push(`table ${table} has no primary key, schema.prisma says (${pk})`);
    else if (!same(actualPk.columns, pk)) problems.push(`primary key of ${table} is (${actualPk.columns}), schema.prisma says (${pk})`);

    const dmmf = dmmfModels[model];
    const uniques = [
      ...dmmf.fields.filter((field) => field.isUnique).map((field) => [field.name]),
      ...dmmf.uniqueIndexes.map((unique) => [...unique.fields]),
    ];
    for (const unique of uniques) {
      if (!catalog.indexes.some((index) => index.table === table && index.unique && same(index.columns, columns(unique)))) {
        problems.push(`missing unique index on ${table} (${columns(unique)})`);
      }
    }
    for (const indexed of schemaModel(model).indexes) {
      if (!catalog.indexes.some((index) => index.table === table && same(index.columns, columns(indexed)))) {
        problems.push(`missing index on ${table} (${columns(indexed)})`);
      }
    }

    const foreignKeys = catalog.constraints.filter((constraint) => constraint.table === table && constraint.kind === 'f');
    const expectedKeys = ownedRelations(model).map((relation) => ({
      relation,
      columns: columns(relation.fields),
      refTable: schemaModel(relation.target).dbName,
      refColumns: relation.references.map((field) => dbColumn(relation.target, field)),
      // Prisma's defaults: Restrict for required relations, SetNull for optional ones; Cascade on update.
      onDelete: referentialActions[relation.onDelete ?? (relation.required ? 'Restrict' : 'SetNull')],
      onUpdate: referentialActions[relation.onUpdate ?? 'Cascade'],
    }));
    for (const key of expectedKeys) {
      const found = foreignKeys.find(
        (constraint) => same(constraint.columns, key.columns) && constraint.refTable === key.refTable && same(constraint.refColumns ?? [], key.refColumns),
      );
      const label = `foreign key ${table}(${key.columns}) -> ${key.refTable}(${key.refColumns}) for ${model}.${key.relation.field}`;
      if (!found) problems.push(`missing ${label}`);
      else if (found.onDelete !== key.onDelete || found.onUpdate !== key.onUpdate) {
        problems.push(`${label}: ON DELETE/UPDATE is ${found.onDelete}/${found.onUpdate}, schema.prisma says ${key.onDelete}/${key.onUpdate}`);
      }
    }
    for (const constraint of foreignKeys) {
      if (!expectedKeys.some((key) => same(constraint.columns, key.columns) && constraint.refTable === key.refTable)) {
        problems.push(`foreign key ${constraint.name} on ${table}(${constraint.columns}) is not in schema.prisma`);
      }
    }
  }
  return problems;
}

function enumProblems(catalog: Catalog) {
  const problems: string[] = [];
  const actual = new Map(catalog.enums.map((row) => [row.name, row.labels]));
  for (const declared of schema.enums.values()) {
    const labels = actual.get(declared.dbName);
    const expected = declared.values.map((value) => value.dbName);
    if (!labels) problems.push(`missing enum type ${declared.dbName}`);
    // Sets: ALTER TYPE ... ADD VALUE appends, so the order may legitimately differ from the schema.
    else if (JSON.stringify([...labels].sort()) !== JSON.stringify([...expected].sort())) {
      problems.push(`enum ${declared.dbName} has (${labels}), schema.prisma says (${expected})`);
    }
    actual.delete(declared.dbName);
  }
  for (const name of actual.keys()) problems.push(`enum type ${name} is not in schema.prisma`);
  return problems;
}

function allProblems(catalog: Catalog) {
  return [...tableProblems(catalog), ...columnProblems(catalog), ...keyProblems(catalog), ...enumProblems(catalog)];
}

// ---------------------------------------------------------------------------------------------
// Round trip through the Prisma client.
// ---------------------------------------------------------------------------------------------

/**
 * Models in an order where every model comes after the models its relations point at. Optional
 * relations that close a cycle (or point at the model itself) are set afterwards by an update.
 */
function creationOrder(): { order: string[]; deferred: { model: string; relation: Relation }[] } {
  const order: string[] = [];
  const deferred: { model: string; relation: Relation }[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (model: string, path: string[]) => {
    if (state.get(model) === 'done') return;
    state.set(model, 'visiting');
    for (const relation of ownedRelations(model)) {
      const targetState = state.get(relation.target);
      if (relation.target === model || targetState === 'visiting') {
        if (relation.required) throw new Error(`Required relations form a cycle: ${[...path, model, relation.target].join(' -> ')}`);
        deferred.push({ model, relation });
      } else visit(relation.target, [...path, model]);
    }
    state.set(model, 'done');
    order.push(model);
  };
  for (const model of modelNames) visit(model, []);
  return { order, deferred };
}

/** Makes every sample value distinct, so unique columns never collide within one database. */
let sequence = 0;

/** A character string of exactly `length` characters (not UTF-16 units), starting with a unique part. */
function text(length: number, unique: string) {
  const filler = `${unique}-äöüß€-${'abcdefghijklmnopqrstuvwxyz'.repeat(Math.ceil(length / 26))}`;
  return filler.slice(0, length);
}

function defaultValue(raw: string | undefined) {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (/^\w+\(.*\)$/s.test(trimmed)) return { fn: trimmed.slice(0, trimmed.indexOf('(')) };
  return { literal: trimmed };
}

/** A value for the field other than its default, near the limits its column type allows. */
function sampleValue(model: string, field: DmmfField): unknown {
  const seq = ++sequence;
  const declared = schemaField(model, field.name);
  const native = declared.nativeType;
  const literalDefault = defaultValue(declared.default)?.literal;
  const one = (): unknown => {
    if (field.kind === 'enum') {
      const values = schema.enums.get(field.type)!.values.map((value) => value.name);
      const choices = values.filter((value) => value !== literalDefault);
      return choices[seq % choices.length] ?? values[0];
    }
    switch (field.type) {
      case 'String': {
        const unique = seq.toString(36);
        if (native?.name === 'Uuid') return randomUUID();
        if ((native?.name === 'VarChar' || native?.name === 'Char') && native.args.length) return text(Number(native.args[0]), unique);
        // Unlimited text: long, with characters outside the Basic Multilingual Plane.
        return `${unique} 🚀 ${text(2000, unique)} ✓`;
      }
      case 'Int':
        // Keys get distinct values away from the ones migrations seed (singleton id 1, sequences);
        // other numbers stay small (positions, percentages, days) to pass plausible CHECKs.
        if (field.isId || field.isUnique || declared.default !== undefined && /autoincrement/.test(declared.default)) return 100_000 + seq;
        return native?.name === 'SmallInt' ? 300 + seq : 2 + (seq % 97);
      case 'BigInt':
        return 9_007_199_254_740_993n + BigInt(seq);
      case 'Float':
        return 1.5 + seq;
      case 'Decimal': {
        const [precision, scale] = native?.name === 'Decimal' && native.args.length ? native.args.map(Number) : [65, 30];
        const integerDigits = Math.min(precision - scale, 2);
        const integer = integerDigits > 0 ? String(10 + (seq % 89)).slice(0, integerDigits) : '0';
        const fraction = Array.from({ length: scale }, (_, index) => String(((seq + index) % 9) + 1)).join('');
        return new Prisma.Decimal(fraction ? `${integer}.${fraction}` : integer);
      }
      case 'Boolean':
        return literalDefault === 'true' ? false : true;
      case 'DateTime': {
        const date = new Date(Date.UTC(2031, 4, 17, 8, 9, 10, 123) + seq * 86_400_000);
        if (native?.name === 'Date') return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        if (native?.name === 'Time' || native?.name === 'Timetz') return new Date(Date.UTC(1970, 0, 1, 8, 9, 10, 123));
        const precision = native?.args.length ? Number(native.args[0]) : 3;
        if (precision < 3) date.setUTCMilliseconds(precision === 0 ? 0 : precision === 1 ? 100 : 120);
        return date;
      }
      case 'Json':
        return { roundTrip: [seq, 'zwei', true, null, { nested: 2.5 }], text: 'äöü€ 🚀' };
      case 'Bytes':
        return new Uint8Array([0, 1, 127, 128, 255, seq % 256]);
      default:
        throw new Error(`schema-roundtrip.test.ts has no sample value for ${model}.${field.name} of type ${field.type}`);
    }
  };
  return field.isList ? [one(), one()] : one();
}

/** A comparable form of a value read from or written to the field. */
function comparable(field: DmmfField, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (field.isList) return Array.isArray(value) ? value.map((item) => comparable({ ...field, isList: false }, item)) : `not a list: ${String(value)}`;
  switch (field.type) {
    case 'DateTime':
      return value instanceof Date ? value.toISOString() : `not a Date: ${String(value)}`;
    case 'Decimal':
      return Prisma.Decimal.isDecimal(value) ? `Decimal ${(value as Prisma.Decimal).toFixed()}` : `not a Decimal: ${String(value)}`;
    case 'BigInt':
      return typeof value === 'bigint' ? `${value}n` : `not a bigint: ${String(value)}`;
    case 'Bytes':
      return value instanceof Uint8Array ? Buffer.from(value).toString('hex') : `not bytes: ${String(value)}`;
    default:
      return value;
  }
}

type Row = Record<string, unknown>;
type Delegate = {
  create(args: { data: Row }): Promise<Row>;
  update(args: { where: Row; data: Row }): Promise<Row>;
  findFirst(args: { where: Row }): Promise<Row | null>;
};

function delegate(prisma: PrismaClient, model: string): Delegate {
  const found = (prisma as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];
  if (!found) throw new Error(`The Prisma client has no delegate for ${model}`);
  return found;
}

function keyOf(model: string, row: Row): Row {
  return Object.fromEntries(primaryKey(model).map((field) => [field, row[field]]));
}

async function readBack(prisma: PrismaClient, model: string, row: Row) {
  const found = await delegate(prisma, model).findFirst({ where: keyOf(model, row) });
  if (!found) throw new Error(`${model} row ${JSON.stringify(keyOf(model, row))} was not found after it was written`);
  return found;
}

/** Asserts that `actual` holds `expected` in every column field. */
function expectFields(model: string, actual: Row, expected: Row, context: string) {
  const fields = columnFields(model).filter((field) => field.name in expected);
  const pick = (row: Row) => Object.fromEntries(fields.map((field) => [field.name, comparable(field, row[field.name])]));
  expect(pick(actual), `${model}: ${context}`).toEqual(pick(expected));
}

/** Each generated column holds what its schema.prisma expression gives for the row, as read by the client. */
async function expectGeneratedValues(prisma: PrismaClient, model: string, row: Row) {
  const key = primaryKey(model);
  for (const field of columnFields(model)) {
    const expression = generationExpression(model, field.name);
    if (expression === undefined) continue;
    const conditions = key.map((name, index) => `"${dbColumn(model, name)}"::text = $${index + 1}`).join(' AND ');
    const [found] = await prisma.$queryRawUnsafe<{ expected: unknown }[]>(
      `SELECT (${expression}) AS expected FROM "${schemaModel(model).dbName}" WHERE ${conditions}`,
      ...key.map((name) => String(row[name])),
    );
    expect(comparable(field, row[field.name]), `${model}.${field.name} = ${expression}`).toEqual(comparable(field, found.expected));
    expect(row[field.name], `${model}.${field.name}`).not.toBeNull();
  }
}

/** Rows written by one pass, by model, so later models can point at them. */
class RoundTrip {
  readonly rows = new Map<string, Row>();
  constructor(private readonly prisma: PrismaClient) {}

  private foreignKeyValues(relation: Relation): Row {
    const target = this.rows.get(relation.target);
    if (!target) throw new Error(`No ${relation.target} row to point at (its own round trip failed?)`);
    return Object.fromEntries(relation.fields.map((field, index) => [field, target[relation.references[index]]]));
  }

  /** Creates a row with every column field set, then reads it back and compares every field. */
  async full(model: string, deferred: { model: string; relation: Relation }[]) {
    const data: Row = {};
    const later = new Set(deferred.filter((entry) => entry.model === model).flatMap((entry) => entry.relation.fields));
    for (const field of columnFields(model)) {
      if (!later.has(field.name) && generationExpression(model, field.name) === undefined) data[field.name] = sampleValue(model, field);
    }
    for (const relation of ownedRelations(model)) {
      if (!relation.fields.some((field) => later.has(field))) Object.assign(data, this.foreignKeyValues(relation));
    }
    for (const field of later) data[field] = null;
    const created = await delegate(this.prisma, model).create({ data });
    expectFields(model, created, data, 'create returned');
    this.rows.set(model, created);
    expectFields(model, await readBack(this.prisma, model, created), data, 'read back');
    await expectGeneratedValues(this.prisma, model, created);
  }

  /** Points optional relations that close a cycle at the rows created since. */
  async linkDeferred(deferred: { model: string; relation: Relation }[]) {
    for (const { model, relation } of deferred) {
      const data = this.foreignKeyValues(relation);
      const row = this.rows.get(model)!;
      const updated = await delegate(this.prisma, model).update({ where: keyOf(model, row), data });
      expectFields(model, updated, data, `update of ${relation.field}`);
      expectFields(model, await readBack(this.prisma, model, row), data, `read back after setting ${relation.field}`);
    }
  }

  /**
   * Creates a row with only the fields that have no default, and checks that the database fills in
   * the defaults of schema.prisma. Required relations point at this pass's rows.
   */
  async minimal(model: string) {
    const started = Date.now();
    const data: Row = {};
    const relations = ownedRelations(model);
    const foreignKeyFields = new Set(relations.flatMap((relation) => relation.fields));
    for (const field of columnFields(model)) {
      const declared = schemaField(model, field.name);
      const literal = defaultValue(declared.default)?.literal;
      const uniqueLiteral = literal !== undefined && (field.isId || field.isUnique || primaryKey(model).includes(field.name));
      // A literal default of a key can be used once only, and the migrations may have used it.
      if (foreignKeyFields.has(field.name)) continue;
      if ((field.isRequired && !field.hasDefaultValue && !field.isUpdatedAt) || uniqueLiteral) data[field.name] = sampleValue(model, field);
    }
    for (const relation of relations) {
      const defaulted = relation.fields.every((field) => schemaField(model, field).default !== undefined);
      if (relation.required && !defaulted) Object.assign(data, this.foreignKeyValues(relation));
    }
    const created = await delegate(this.prisma, model).create({ data });
    this.rows.set(model, created);
    const row = await readBack(this.prisma, model, created);
    expectFields(model, row, data, 'fields given');
    for (const field of columnFields(model)) {
      if (field.name in data) continue;
      const declared = schemaField(model, field.name);
      const value = row[field.name];
      const label = `${model}.${field.name} (default ${declared.default ?? 'none'})`;
      const fallback = defaultValue(declared.default);
      if (field.isUpdatedAt || fallback?.fn === 'now') {
        expect(value, label).toBeInstanceOf(Date);
        // Loose: the database server's clock and this process's may differ a little.
        expect(Math.abs((value as Date).getTime() - started), label).toBeLessThan(10 * 60_000);
      } else if (fallback?.fn === 'autoincrement') {
        expect(Number.isInteger(Number(value)), label).toBe(true);
      } else if (fallback?.fn === 'uuid') {
        expect(value, label).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const version = /uuid\(\s*(\d)\s*\)/.exec(declared.default!)?.[1] ?? '4';
        expect((value as string)[14], `${label}: UUID version`).toBe(version);
      } else if (fallback?.fn) {
        expect(value, label).not.toBeNull();
      } else if (fallback?.literal !== undefined) {
        expect(comparable(field, value), label).toEqual(comparable(field, literalValue(field, fallback.literal)));
      } else {
        expect(value, label).toBeNull();
      }
    }
  }
}

function literalValue(field: DmmfField, literal: string): unknown {
  if (field.isList) {
    const inner = literal.replace(/^\[|\]$/g, '').trim();
    return inner ? inner.split(',').map((item) => literalValue({ ...field, isList: false }, item.trim())) : [];
  }
  const string = literal.startsWith('"') ? (JSON.parse(literal) as string) : undefined;
  switch (field.type) {
    case 'String':
      return string;
    case 'Int':
    case 'Float':
      return Number(literal);
    case 'BigInt':
      return BigInt(literal);
    case 'Decimal':
      return new Prisma.Decimal(string ?? literal);
    case 'Boolean':
      return literal === 'true';
    case 'DateTime':
      return new Date(string!);
    case 'Json':
      return JSON.parse(string!);
    default:
      return field.kind === 'enum' ? literal : string ?? literal;
  }
}

/** Runs a whole pass, model by model, collecting each model's failure (for the drift checks). */
async function roundTripAll(prisma: PrismaClient) {
  const { order, deferred } = creationOrder();
  const pass = new RoundTrip(prisma);
  const failures = new Map<string, string>();
  for (const model of order) {
    await pass.full(model, deferred).catch((error: Error) => failures.set(model, error.message));
  }
  await pass.linkDeferred(deferred).catch((error: Error) => failures.set('(deferred relations)', error.message));
  return failures;
}

// ---------------------------------------------------------------------------------------------
// The tests.
// ---------------------------------------------------------------------------------------------

describe('schema.prisma and the generated client', () => {
  it('describe the same models, fields and enums (otherwise run `npm run generate`)', () => {
    expect(modelNames.length).toBeGreaterThan(0);
    expect([...schema.models.keys()].sort()).toEqual([...modelNames].sort());
    expect([...modelNames].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    for (const model of modelNames) {
      const generated = dmmfModels[model].fields.map((field) => `${field.name}: ${field.type}${field.isList ? '[]' : ''}${field.isRequired || field.isList ? '' : '?'}`);
      const declared = [...schemaModel(model).fields.values()].map((field) => `${field.name}: ${field.type}${field.list ? '[]' : ''}${field.optional ? '?' : ''}`);
      expect(declared, model).toEqual(generated);
      const scalarEnum = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`];
      expect(Object.keys(scalarEnum ?? {}).sort(), `Prisma.${model}ScalarFieldEnum`).toEqual(columnFields(model).map((field) => field.name).sort());
      for (const field of dmmfModels[model].fields) {
        const declaredField = schemaField(model, field.name);
        expect({ isId: declaredField.isId, isUpdatedAt: declaredField.isUpdatedAt }, `${model}.${field.name}`).toEqual({
          isId: field.isId,
          isUpdatedAt: Boolean(field.isUpdatedAt),
        });
        if (field.kind === 'scalar' || field.kind === 'enum') expect(declaredField.default !== undefined, `${model}.${field.name} default`).toBe(field.hasDefaultValue);
      }
    }
    const enumsInClient = Object.fromEntries(
      Object.entries(generatedEnums)
        .filter(([, value]) => typeof value === 'object' && value !== null)
        .map(([name, value]) => [name, Object.keys(value as object)]),
    );
    expect(Object.fromEntries([...schema.enums.values()].map((declared) => [declared.name, declared.values.map((value) => value.name)]))).toEqual(enumsInClient);
  });

  it('has an acyclic order of required relations and a known column type for every field', () => {
    const { order } = creationOrder();
    expect([...order].sort()).toEqual([...modelNames].sort());
    for (const model of modelNames) {
      for (const field of columnFields(model)) {
        expect(expectedColumnType(model, field), `${model}.${field.name}`).toBeDefined();
      }
    }
  });
});

describe('the migrated database matches schema.prisma', () => {
  let test: TestDatabase;
  let catalog: Catalog;
  beforeAll(async () => {
    test = await createTestDatabase();
    const connection = await test.db.connect();
    try {
      catalog = await readCatalog(connection);
    } finally {
      connection.release();
    }
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('has a table for every model and no other table', () => {
    expect(tableProblems(catalog)).toEqual([]);
    expect(catalog.tables.length).toBe(modelNames.length);
  });

  it('has exactly the columns of every model’s fields, with their types and nullability', () => {
    expect(columnProblems(catalog)).toEqual([]);
  });

  it('has the primary keys, unique and plain indexes and foreign keys of schema.prisma', () => {
    expect(keyProblems(catalog)).toEqual([]);
  });

  it('has the enum types of schema.prisma with their values', () => {
    expect(enumProblems(catalog)).toEqual([]);
  });
});

describe('every model round-trips through the Prisma client', () => {
  const { order, deferred } = creationOrder();
  let test: TestDatabase;
  let full: RoundTrip;
  let minimal: RoundTrip;
  beforeAll(async () => {
    test = await createTestDatabase();
    full = new RoundTrip(test.db.prisma);
    minimal = new RoundTrip(test.db.prisma);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it.each(order)('%s: a row with every field set reads back unchanged', async (model) => {
    await full.full(model, deferred);
  });

  it.skipIf(deferred.length === 0)('optional relations that close a cycle can be set', async () => {
    await full.linkDeferred(deferred);
  });

  it.each(order)('%s: a row with only the fields that have no default gets the defaults of schema.prisma', async (model) => {
    await minimal.minimal(model);
  });
});

describe('the checks notice a database that drifted from schema.prisma', () => {
  let test: TestDatabase;
  let sabotage: { dropped: { model: string; table: string; column: string }; narrowed: { model: string; table: string; column: string; type: string }; widened: { table: string; column: string }; relaxed: { table: string; column: string }; foreignKey: { table: string; name: string } };
  let catalog: Catalog;
  /** Problems the untouched database already has, so this test judges only what it broke. */
  let baseline: string[];
  let failures: Map<string, string>;

  beforeAll(async () => {
    test = await createTestDatabase();
    const connection = await test.db.connect();
    try {
      const before = await readCatalog(connection);
      baseline = allProblems(before);
      const plain = (model: string) => {
        const keys = new Set([...primaryKey(model), ...ownedRelations(model).flatMap((relation) => relation.fields)]);
        return columnFields(model).filter((field) => !keys.has(field.name) && !field.isUnique);
      };
      const find = (predicate: (model: string, field: DmmfField) => boolean) => {
        for (const model of modelNames) {
          const field = plain(model).find((candidate) => predicate(model, candidate));
          if (field) return { model, field, table: schemaModel(model).dbName, column: dbColumn(model, field.name) };
        }
        throw new Error('No field to sabotage');
      };
      const dropped = find(() => true);
      const narrowedField = find((model, field) => {
        const native = schemaField(model, field.name).nativeType;
        return native?.name === 'VarChar' && Number(native.args[0]) > 1 && model !== dropped.model;
      });
      const narrowedType = `varchar(${Number(schemaField(narrowedField.model, narrowedField.field.name).nativeType!.args[0]) - 1})`;
      const widened = find((model, field) => field.type === 'Int' && !field.isList && !(model === dropped.model && field.name === dropped.field.name));
      const relaxed = find((model, field) => field.isRequired && !field.isList && !(model === dropped.model && field.name === dropped.field.name));
      const foreignKey = before.constraints.find((constraint) => constraint.kind === 'f')!;
      sabotage = {
        dropped: { model: dropped.model, table: dropped.table, column: dropped.column },
        narrowed: { model: narrowedField.model, table: narrowedField.table, column: narrowedField.column, type: narrowedType },
        widened: { table: widened.table, column: widened.column },
        relaxed: { table: relaxed.table, column: relaxed.column },
        foreignKey: { table: foreignKey.table, name: foreignKey.name },
      };
      await connection.exec(`
        ALTER TABLE "${dropped.table}" DROP COLUMN "${dropped.column}";
        ALTER TABLE "${narrowedField.table}" ALTER COLUMN "${narrowedField.column}" TYPE ${narrowedType};
        ALTER TABLE "${widened.table}" ALTER COLUMN "${widened.column}" TYPE bigint;
        ALTER TABLE "${relaxed.table}" ALTER COLUMN "${relaxed.column}" DROP NOT NULL;
        ALTER TABLE "${foreignKey.table}" DROP CONSTRAINT "${foreignKey.name}";
        ALTER TABLE "${dropped.table}" ADD COLUMN "driftExtra" INTEGER;
        CREATE TABLE "DriftExtraTable" ("id" INTEGER PRIMARY KEY);
      `);
      catalog = await readCatalog(connection);
    } finally {
      connection.release();
    }
    failures = await roundTripAll(test.db.prisma);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('reports missing and extra columns and tables, wrong types, nullability and a missing foreign key', () => {
    const problems = allProblems(catalog).filter((problem) => !baseline.includes(problem));
    const { dropped, narrowed, widened, relaxed, foreignKey } = sabotage;
    const expected = [
      `missing column ${dropped.table}.${dropped.column}`,
      `column ${dropped.table}.driftExtra is not in schema.prisma`,
      'table DriftExtraTable is not in schema.prisma',
      `column ${narrowed.table}.${narrowed.column} is character varying(`,
      `column ${widened.table}.${widened.column} is bigint`,
      `column ${relaxed.table}.${relaxed.column} is nullable`,
      `missing foreign key ${foreignKey.table}(`,
    ];
    for (const start of expected) expect(problems.some((problem) => problem.startsWith(start)), `${start}… in\n${problems.join('\n')}`).toBe(true);
    // At most one more: an index that included the dropped column.
    expect(problems.length, problems.join('\n')).toBeLessThanOrEqual(expected.length + 1);
  });

  it('fails the round trip of a model whose column is missing or too narrow', () => {
    expect(failures.get(sabotage.dropped.model)).toMatch(new RegExp(sabotage.dropped.column));
    expect(failures.get(sabotage.narrowed.model)).toBeDefined();
  });
});
