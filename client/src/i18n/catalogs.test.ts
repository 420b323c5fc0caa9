import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenKeys, keysUsedIn, missingKeys } from './catalog-keys.ts';
import { de, en } from './resources.ts';

const SOURCE_ROOT = path.resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return name === 'gql' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

const areas = Object.keys(en);
const englishKeys = flattenKeys(en);
const germanKeys = flattenKeys(de);

describe('the catalogs', () => {
  it('have the same keys in German and English', () => {
    expect(germanKeys.filter((key) => !englishKeys.includes(key))).toEqual([]);
    expect(englishKeys.filter((key) => !germanKeys.includes(key))).toEqual([]);
  });

  it('have a text for every key the client uses', () => {
    const used = sourceFiles(SOURCE_ROOT).flatMap((file) =>
      keysUsedIn(readFileSync(file, 'utf8'), areas).map((key) => `${key} (${path.relative(SOURCE_ROOT, file)})`),
    );
    expect(used.length).toBeGreaterThan(300);
    const missing = missingKeys(
      used.map((entry) => entry.split(' ')[0]),
      englishKeys,
    );
    expect(used.filter((entry) => missing.includes(entry.split(' ')[0]))).toEqual([]);
  });

  it('leave no text empty', () => {
    const empty = (catalog: object) =>
      flattenKeys(catalog).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalog) === '');
    expect(empty(en)).toEqual([]);
    expect(empty(de)).toEqual([]);
  });
});

describe('the key scan', () => {
  it('finds keys in calls, maps and labels, and skips template literals', () => {
    const source = "t('board.title'); const map = { a: \"opportunity.field.title\" }; t(`activities.type.${type}`); label: 'layout.nav.board'; 'other.key'";
    expect(keysUsedIn(source, ['board', 'opportunity', 'activities', 'layout'])).toEqual(['board.title', 'opportunity.field.title', 'layout.nav.board']);
  });

  it('reports a key the catalog lacks, and takes plural forms for their base key', () => {
    expect(missingKeys(['board.title', 'board.count', 'board.gone'], ['board.title', 'board.count_one', 'board.count_other'])).toEqual(['board.gone']);
  });
});
