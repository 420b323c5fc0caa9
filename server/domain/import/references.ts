import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import type { ParsedValue } from '../csv/locale-values.ts';
import type { ValueType } from './fields.ts';

type Reader = PrismaClient | Prisma.TransactionClient;

/** German names of the built-in lookup entries, which are stored with English labels. */
const GERMAN_NAMES: Record<string, string[]> = {
  PROSPECT: ['Interessent', 'Potenzieller Kunde'],
  CUSTOMER: ['Kunde', 'Bestandskunde'],
  INACTIVE: ['Inaktiv'],
  HIGH: ['Hoch'],
  MEDIUM: ['Mittel', 'Normal'],
  LOW: ['Niedrig'],
  COMMIT: ['Zusage'],
  BEST_CASE: ['Bestfall'],
  OMITTED: ['Ausgelassen', 'Ausgeschlossen'],
};

/** Where an opportunity goes; a deal pipeline makes it a DEAL. */
export interface Placement {
  pipelineId: string;
  stageId?: string;
  kind: 'LEAD' | 'DEAL';
}

interface Named {
  id: string;
  name: string;
}

/**
 * The names an import file uses for users, teams, statuses, pipelines and the other lookup lists,
 * resolved to ids once per import. Unknown names become cell errors; whether a user may own the
 * record or a team may hold it is still decided by the domain rules.
 */
export class ImportReferences {
  private constructor(
    private readonly users: Array<Named & { email: string }>,
    private readonly teams: Named[],
    private readonly statuses: Named[],
    private readonly sources: Named[],
    private readonly tags: Named[],
    private readonly pipelines: Array<Named & { kind: 'LEAD' | 'DEAL'; stages: Named[] }>,
    private readonly priorities: Named[],
    private readonly forecastCategories: Named[],
  ) {}

  /** Loads what the used value types need; users only by the e-mails and names the file holds. */
  static async load(db: Reader, types: Set<ValueType>, userTexts: string[]): Promise<ImportReferences> {
    const emails = [...new Set(userTexts.filter((text) => text.includes('@')).map((text) => text.trim().toLowerCase()))];
    const names = [...new Set(userTexts.filter((text) => !text.includes('@')).map((text) => text.trim()))];
    const keyed = (rows: Array<{ key: string; label: string }>) => rows.map((row) => ({ id: row.key, name: row.label }));
    return new ImportReferences(
      types.has('user') && userTexts.length
        ? await db.user.findMany({
            where: { OR: [{ email: { in: emails, mode: 'insensitive' } }, { name: { in: names, mode: 'insensitive' } }] },
            select: { id: true, name: true, email: true },
          })
        : [],
      types.has('team') ? await db.team.findMany({ select: { id: true, name: true } }) : [],
      types.has('status') ? keyed(await db.lifecycleStatus.findMany({ select: { key: true, label: true } })) : [],
      types.has('source') ? await db.source.findMany({ select: { id: true, name: true } }) : [],
      types.has('tags') ? await db.tag.findMany({ select: { id: true, name: true } }) : [],
      types.has('pipeline') || types.has('stage')
        ? await db.pipeline.findMany({
            select: { id: true, name: true, kind: true, stages: { select: { id: true, name: true }, orderBy: { position: 'asc' } } },
            orderBy: [{ position: 'asc' }, { name: 'asc' }],
          })
        : [],
      types.has('priority') ? keyed(await db.priority.findMany({ select: { key: true, label: true } })) : [],
      types.has('forecastCategory') ? keyed(await db.forecastCategory.findMany({ select: { key: true, label: true } })) : [],
    );
  }

  /** A user by e-mail, or by full name when that is unique. */
  user(text: string): ParsedValue<Named> {
    const wanted = text.trim().toLowerCase();
    const matches = this.users.filter((user) => (wanted.includes('@') ? user.email.toLowerCase() : user.name.toLowerCase()) === wanted);
    if (matches.length === 1) return { value: matches[0] };
    if (matches.length > 1) return { reason: 'AMBIGUOUS', message: `Several users are called ${text.trim()}: use the e-mail address.` };
    return { reason: 'NOT_FOUND', message: `There is no user ${text.trim()}.` };
  }

  team(text: string) {
    return byName(this.teams, text, 'team');
  }

  status(text: string) {
    return byName(this.statuses, text, 'status', true);
  }

  source(text: string) {
    return byName(this.sources, text, 'source');
  }

  priority(text: string) {
    return byName(this.priorities, text, 'priority', true);
  }

  forecastCategory(text: string) {
    return byName(this.forecastCategories, text, 'forecast category', true);
  }

  /** Tags by name, separated by `,`, `;` or `|`. */
  tagList(text: string): ParsedValue<Named[]> {
    const wanted = [...new Set(text.split(/[,;|]/).map((name) => name.trim()).filter(Boolean))];
    const found = wanted.map((name) => this.tags.find((tag) => sameName(tag.name, name)));
    const unknown = wanted.filter((_name, index) => !found[index]);
    if (unknown.length) return { reason: 'NOT_FOUND', message: `Unknown tags: ${unknown.join(', ')}.` };
    return { value: found as Named[] };
  }

  pipeline(text: string): ParsedValue<Placement & { name: string }> {
    const found = byName(this.pipelines, text, 'pipeline');
    return 'reason' in found ? found : { value: { pipelineId: found.value.id, kind: found.value.kind, name: found.value.name } };
  }

  /**
   * A stage of the row's pipeline, or, without one, the only stage of that name (preferring lead
   * pipelines, where new opportunities start).
   */
  stage(text: string, pipelineId: string | undefined): ParsedValue<Placement & { name: string }> {
    const candidates = this.pipelines
      .filter((pipeline) => !pipelineId || pipeline.id === pipelineId)
      .flatMap((pipeline) =>
        pipeline.stages
          .filter((stage) => sameName(stage.name, text))
          .map((stage) => ({ pipelineId: pipeline.id, stageId: stage.id, name: stage.name, kind: pipeline.kind })),
      );
    const leads = candidates.filter((candidate) => candidate.kind === 'LEAD');
    const matches = candidates.length > 1 && leads.length ? leads : candidates;
    if (matches.length === 1) return { value: matches[0] };
    if (matches.length > 1) return { reason: 'AMBIGUOUS', message: `Several pipelines have a stage ${text.trim()}: add a pipeline column.` };
    return { reason: 'NOT_FOUND', message: pipelineId ? `The pipeline has no stage ${text.trim()}.` : `There is no stage ${text.trim()}.` };
  }
}

function sameName(a: string, b: string) {
  return a.trim().localeCompare(b.trim(), 'de', { sensitivity: 'accent' }) === 0;
}

/** An entry by its name (or, for keyed lists, its key or German name), ignoring case. */
function byName<Entry extends Named>(entries: Entry[], text: string, what: string, keyed = false): ParsedValue<Entry> {
  const match = entries.find(
    (entry) =>
      sameName(entry.name, text) ||
      (keyed && (sameName(entry.id, text) || (GERMAN_NAMES[entry.id] ?? []).some((name) => sameName(name, text)))),
  );
  return match ? { value: match } : { reason: 'NOT_FOUND', message: `There is no ${what} ${text.trim()}.` };
}
