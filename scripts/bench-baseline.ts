// The baseline of `npm run bench`: what a careful engineer would write by hand for the board and
// the opportunity page the client shows, without GraphQL: one SQL statement per request through
// `pg`, shaped in plain JavaScript into the same JSON the API answers (global ids, dates,
// decimals, computed fields, the same access rules for a manager of the given teams).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeBase64, encodeCursorChunk } from '@pothos/core';
import pg from 'pg';

const DAY_MS = 86_400_000;
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
/** Decimals as the API prints them ("1234.50" -> "1234.5"); exact for money of this size. */
const decimal = (value: string | null) => String(Number(value ?? 0));
const day = (value: Date) => value.toISOString().slice(0, 10);
const instant = (value: Date | null) => (value ? value.toISOString() : null);

/** The next open activity the viewer may read, per opportunity: one index probe each. */
const NEXT_ACTIVITY = `
  LEFT JOIN LATERAL (
    SELECT x.id, x.type, x.subject, x."dueAt" FROM "Activity" x
    WHERE x."opportunityId" = o.id AND x."doneAt" IS NULL AND x."teamId" = ANY($2::uuid[])
    ORDER BY x."dueAt" ASC NULLS LAST, x.id LIMIT 1) na ON true`;

const BOARD = `
  SELECT p.id AS pipeline_id, p.name AS pipeline_name, p.kind AS pipeline_kind,
         s.id AS stage_id, s.name AS stage_name, s.probability AS stage_probability, s.position AS stage_position,
         t.count, t.amount AS total_amount, t.weighted AS total_weighted, st."staleAfterDays" AS stale_days, c.*
  FROM "Pipeline" p
  JOIN "Stage" s ON s."pipelineId" = p.id
  LEFT JOIN "OrganisationSettings" st ON st.id = 1
  LEFT JOIN LATERAL (
    SELECT count(*) AS count, sum(o.amount) AS amount, sum(o."weightedAmount") AS weighted FROM "Opportunity" o
    WHERE o."stageId" = s.id AND o.status = 'OPEN' AND o."teamId" = ANY($2::uuid[])) t ON true
  LEFT JOIN LATERAL (
    SELECT o.id, o.number, o.title, o.version, o.amount, o.probability, o."weightedAmount", o."expectedCloseDate",
           o."inactiveSince", o."ownerId", o."teamId", o."accountId",
           a.name AS account_name, a."teamId" AS account_team,
           ct.id AS contact_id, ct.title AS contact_title, ct."firstName" AS contact_first, ct."lastName" AS contact_last, ct."teamId" AS contact_team,
           u.name AS owner_name, na.id AS activity_id, na.type AS activity_type, na.subject AS activity_subject, na."dueAt" AS activity_due
    FROM "Opportunity" o
    JOIN "Account" a ON a.id = o."accountId"
    LEFT JOIN "Contact" ct ON ct.id = o."contactId"
    JOIN "User" u ON u.id = o."ownerId"
    ${NEXT_ACTIVITY}
    WHERE o."stageId" = s.id AND o.status = 'OPEN' AND o."teamId" = ANY($2::uuid[])
    ORDER BY o."expectedCloseDate", o.id LIMIT $3) c ON true
  WHERE p.id = $1
  ORDER BY s.position, s.id, c."expectedCloseDate", c.id`;

const PAGE = `
  WITH matching AS (
    SELECT o.id, o.amount FROM "Opportunity" o
    WHERE o.status = 'OPEN' AND o.amount >= $1::numeric AND o."teamId" = ANY($2::uuid[])),
  page AS (SELECT id FROM matching ORDER BY amount DESC, id DESC LIMIT $3)
  SELECT o.id, o.number, o.title, o.kind, o.status, o.amount, o."weightedAmount", o.probability, o."expectedCloseDate",
         o."lastActivityAt", o."inactiveSince", o."accountId",
         a.name AS account_name, a."teamId" AS account_team,
         ct.id AS contact_id, ct.title AS contact_title, ct."firstName" AS contact_first, ct."lastName" AS contact_last, ct."teamId" AS contact_team,
         p.id AS pipeline_id, p.name AS pipeline_name, s.id AS stage_id, s.name AS stage_name,
         u.id AS owner_id, u.name AS owner_name, tm.id AS team_id, tm.name AS team_name, src.id AS source_id, src.name AS source_name,
         (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'color', g.color) ORDER BY g.name), '[]')
            FROM "OpportunityTag" og JOIN "Tag" g ON g.id = og."tagId" WHERE og."opportunityId" = o.id) AS tags,
         (SELECT count(*) FROM matching) AS total, st."staleAfterDays" AS stale_days
  FROM page JOIN "Opportunity" o ON o.id = page.id
  JOIN "Account" a ON a.id = o."accountId" LEFT JOIN "Contact" ct ON ct.id = o."contactId"
  JOIN "Pipeline" p ON p.id = o."pipelineId" JOIN "Stage" s ON s.id = o."stageId" JOIN "User" u ON u.id = o."ownerId"
  JOIN "Team" tm ON tm.id = o."teamId" LEFT JOIN "Source" src ON src.id = o."sourceId"
  LEFT JOIN "OrganisationSettings" st ON st.id = 1
  ORDER BY o.amount DESC, o.id DESC`;

export interface BaselineQuestions {
  pipelineId: string;
  cardsPerStage: number;
  pageSize: number;
  amountMin: string;
}

/** The baseline's one statement per question, with its arguments (the bench EXPLAINs them beside the API's). */
export function baselineStatements(teamIds: string[], questions: BaselineQuestions): Record<'board' | 'page', { sql: string; args: unknown[] }> {
  return {
    board: { sql: BOARD, args: [questions.pipelineId, teamIds, questions.cardsPerStage + 1] },
    page: { sql: PAGE, args: [questions.amountMin, teamIds, questions.pageSize + 1] },
  };
}

export async function startBaseline(pool: pg.Pool, teamIds: string[], questions: BaselineQuestions): Promise<{ server: Server; url: string }> {
  const statements = baselineStatements(teamIds, questions);
  const readable = (teamId: string | null) => teamId !== null && teamIds.includes(teamId);
  const staleness = (inactiveSince: Date, staleDays: number | null, now: Date) => ({
    isStale: inactiveSince.getTime() < now.getTime() - (staleDays ?? 14) * DAY_MS,
    daysWithoutActivity: Math.max(0, Math.floor((now.getTime() - inactiveSince.getTime()) / DAY_MS)),
  });
  const contact = (row: Record<string, any>) =>
    row.contact_id && readable(row.contact_team)
      ? { id: gid('Contact', row.contact_id), fullName: [row.contact_title, row.contact_first, row.contact_last].filter(Boolean).join(' ') }
      : null;
  const account = (row: Record<string, any>) => (readable(row.account_team) ? { id: gid('Account', row.accountId), name: row.account_name } : null);

  const board = async () => {
    const now = new Date();
    const { rows } = await pool.query(statements.board.sql, statements.board.args);
    const columns = new Map<string, any>();
    for (const row of rows) {
      let column = columns.get(row.stage_id);
      if (!column) {
        column = {
          count: Number(row.count),
          amount: decimal(row.total_amount),
          weightedAmount: decimal(row.total_weighted),
          hasMoreCards: false,
          stage: { id: gid('Stage', row.stage_id), name: row.stage_name, probability: row.stage_probability, position: row.stage_position },
          cards: [],
        };
        columns.set(row.stage_id, column);
      }
      if (!row.id) continue;
      if (column.cards.length === questions.cardsPerStage) {
        column.hasMoreCards = true;
        continue;
      }
      column.cards.push({
        id: gid('Opportunity', row.id),
        humanId: `OPP-${row.number}`,
        title: row.title,
        version: row.version,
        amount: decimal(row.amount),
        probability: row.probability,
        weightedAmount: decimal(row.weightedAmount),
        expectedCloseDate: day(row.expectedCloseDate),
        ...staleness(row.inactiveSince, row.stale_days, now),
        viewerCanEdit: readable(row.teamId),
        accountId: gid('Account', row.accountId),
        account: account(row),
        contact: contact(row),
        owner: { id: gid('User', row.ownerId), name: row.owner_name },
        nextOpenActivity: row.activity_id
          ? {
              id: gid('Activity', row.activity_id),
              type: row.activity_type,
              subject: row.activity_subject,
              dueAt: instant(row.activity_due),
              status: row.activity_due && row.activity_due < now ? 'OVERDUE' : 'OPEN',
            }
          : null,
      });
    }
    const first = rows[0];
    return { data: { board: { pipeline: { id: gid('Pipeline', first.pipeline_id), name: first.pipeline_name, kind: first.pipeline_kind }, columns: [...columns.values()] } } };
  };

  const page = async () => {
    const now = new Date();
    const { rows } = await pool.query(statements.page.sql, statements.page.args);
    const nodes = rows.slice(0, questions.pageSize).map((row) => ({
      id: gid('Opportunity', row.id),
      humanId: `OPP-${row.number}`,
      title: row.title,
      kind: row.kind,
      status: row.status,
      amount: decimal(row.amount),
      weightedAmount: decimal(row.weightedAmount),
      probability: row.probability,
      expectedCloseDate: day(row.expectedCloseDate),
      lastActivityAt: instant(row.lastActivityAt),
      ...staleness(row.inactiveSince, row.stale_days, now),
      accountId: gid('Account', row.accountId),
      account: account(row),
      contact: contact(row),
      pipeline: { id: gid('Pipeline', row.pipeline_id), name: row.pipeline_name },
      stage: { id: gid('Stage', row.stage_id), name: row.stage_name },
      owner: { id: gid('User', row.owner_id), name: row.owner_name },
      team: { id: gid('Team', row.team_id), name: row.team_name },
      source: row.source_id ? { id: gid('Source', row.source_id), name: row.source_name } : null,
      tags: row.tags.map((tag: { id: string; name: string; color: string }) => ({ ...tag, id: gid('Tag', tag.id) })),
    }));
    const cursor = (id: string | undefined) => (id ? encodeBase64(`GPC:${encodeCursorChunk(id)}`) : null);
    return {
      data: {
        opportunities: {
          totalCount: Number(rows[0]?.total ?? 0),
          pageInfo: {
            hasNextPage: rows.length > questions.pageSize,
            hasPreviousPage: false,
            startCursor: cursor(rows[0]?.id),
            endCursor: cursor(rows[Math.min(rows.length, questions.pageSize) - 1]?.id),
          },
          edges: nodes.map((node) => ({ node })),
        },
      },
    };
  };

  const server = createServer(async (req, res) => {
    const body = req.url === '/board' ? await board() : await page();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
