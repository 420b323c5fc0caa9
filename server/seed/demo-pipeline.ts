import type { Faker } from '@faker-js/faker';
import type { ActivityType, Opportunity, Prisma } from '../generated/prisma/client.ts';
import { addDays, organisationDay } from '../domain/calendar.ts';
import { lineTotal, sumMoney, weightedAmount } from '../domain/money.ts';
import { CREATED, diffTracked, snapshotTracked, type TrackedState } from '../domain/opportunity-history.ts';

/**
 * The sales side of the demo: two lead and two deal pipelines, a product catalogue, and about 400
 * opportunities whose history, lines and activities reach two years back from `referenceDate`
 * (demo-clock.ts), written exactly as the domain would have written them (same history rows, same
 * derived amounts, the same last activity).
 */
const PIPELINES = [
  { name: 'Leads Inbound', kind: 'LEAD', stages: [['Neu', 10], ['Kontaktiert', 20], ['Qualifiziert', 40]] },
  { name: 'Leads Messe', kind: 'LEAD', stages: [['Erfasst', 10], ['Nachfassen', 25], ['Qualifiziert', 40]] },
  { name: 'Neuanlagen', kind: 'DEAL', stages: [['Bedarfsanalyse', 20], ['Angebot', 40], ['Verhandlung', 60], ['Vertrag', 80]] },
  { name: 'Service & Wartung', kind: 'DEAL', stages: [['Anfrage', 30], ['Angebot', 50], ['Freigabe', 80]] },
] as const;

const PLAN: Array<{ type: ActivityType; subject: string; dayOffset: number; durationMinutes?: number }> = [
  { type: 'CALL', subject: 'Bedarf telefonisch klären', dayOffset: 0, durationMinutes: 30 },
  { type: 'MEETING', subject: 'Vor-Ort-Termin und Aufnahme', dayOffset: 7, durationMinutes: 120 },
  { type: 'TASK', subject: 'Angebot erstellen', dayOffset: 10 },
  { type: 'CALL', subject: 'Angebot nachfassen', dayOffset: 21, durationMinutes: 20 },
];

const PRODUCTS: Array<[string, string, string, string]> = [
  ['FB-200', 'Förderband FB-200', 'Stk.', '18450.00'],
  ['FB-400', 'Förderband FB-400 Schwerlast', 'Stk.', '32900.00'],
  ['VM-7', 'Verpackungsmaschine VM-7', 'Stk.', '74500.00'],
  ['RS-1', 'Robotersteuerung RS-1', 'Stk.', '12800.00'],
  ['SEN-K', 'Sensorkit Linienüberwachung', 'Set', '2350.00'],
  ['WV-12', 'Wartungsvertrag 12 Monate', 'Jahr', '6900.00'],
  ['ET-P', 'Ersatzteilpaket Standard', 'Paket', '1890.00'],
  ['IBN', 'Inbetriebnahme vor Ort', 'Tag', '1250.00'],
  ['SCH', 'Schulung Bedienpersonal', 'Tag', '980.00'],
  ['SW-L', 'Leitstand-Software Lizenz', 'Lizenz', '4200.00'],
];

const LOSS_REASONS = ['Preis', 'Wettbewerber', 'Kein Budget', 'Projekt gestoppt', 'Keine Rückmeldung'];
const TITLES = ['Neue Verpackungslinie', 'Modernisierung Förderstrecke', 'Wartungsvertrag', 'Ersatzteilversorgung', 'Retrofit Steuerung', 'Erweiterung Halle', 'Automatisierung Wareneingang', 'Linienüberwachung', 'Schulungspaket', 'Rahmenvertrag Service'];
const COMPETITORS = ['Krones', 'Syntegon', 'Interroll', 'Hauser Fördertechnik', null, null, null];
const NEXT_STEPS = ['Angebot nachfassen', 'Technische Klärung mit Werksleitung', 'Referenzbesuch organisieren', 'Budgetfreigabe abwarten', 'Vertragsentwurf senden', null];
const DAY = 86_400_000;

type Tx = Prisma.TransactionClient;

export async function seedDemoPipeline(
  tx: Tx,
  faker: Faker,
  referenceDate: Date,
  people: { accounts: Array<{ id: string; ownerId: string; teamId: string; sourceId: string | null }>; sellersByTeam: Map<string, string[]>; allUserIds: string[] },
) {
  const id = () => faker.string.uuid();
  const pipelines = PIPELINES.map((pipeline, position) => ({
    id: id(),
    name: pipeline.name,
    kind: pipeline.kind,
    position,
    stages: pipeline.stages.map(([name, probability], stagePosition) => ({ id: id(), name, probability, position: stagePosition })),
  }));
  await tx.pipeline.createMany({ data: pipelines.map(({ stages: _stages, ...pipeline }) => pipeline) });
  await tx.stage.createMany({ data: pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => ({ ...stage, pipelineId: pipeline.id }))) });
  await tx.activityPlanStep.createMany({
    data: pipelines
      .filter((pipeline) => pipeline.kind === 'DEAL')
      .flatMap((pipeline) => PLAN.map((step, position) => ({ id: id(), pipelineId: pipeline.id, position, ...step }))),
  });
  const lossReasons = LOSS_REASONS.map((name, position) => ({ id: id(), name, position }));
  await tx.lossReason.createMany({ data: lossReasons });
  const products = PRODUCTS.map(([sku, name, unit, unitPrice]) => ({ id: id(), sku, name, unit, unitPrice }));
  await tx.product.createMany({ data: products });

  const opportunities: Array<Omit<Opportunity, 'number'>> = [];
  const changes: Prisma.OpportunityChangeCreateManyInput[] = [];
  const lines: Prisma.OpportunityLineCreateManyInput[] = [];
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const followers: Prisma.OpportunityFollowerCreateManyInput[] = [];

  for (let index = 0; index < 400; index += 1) {
    const account = faker.helpers.arrayElement(people.accounts);
    const sellers = people.sellersByTeam.get(account.teamId) ?? [account.ownerId];
    const ownerId = faker.helpers.maybe(() => faker.helpers.arrayElement(sellers), { probability: 0.3 }) ?? account.ownerId;
    const isDeal = faker.datatype.boolean({ probability: 0.65 });
    const pipeline = faker.helpers.arrayElement(pipelines.filter((candidate) => candidate.kind === (isDeal ? 'DEAL' : 'LEAD')));
    const createdAt = new Date(referenceDate.getTime() - faker.number.int({ min: 2, max: 720 }) * DAY - faker.number.int({ min: 0, max: 8 }) * 3_600_000);
    const ageDays = (referenceDate.getTime() - createdAt.getTime()) / DAY;
    const productLines = faker.datatype.boolean({ probability: 0.4 })
      ? faker.helpers.arrayElements(products, faker.number.int({ min: 1, max: 3 })).map((product, position) => ({
          id: id(),
          productId: product.id,
          position,
          description: product.name,
          quantity: String(faker.number.int({ min: 1, max: 4 })),
          unitPrice: product.unitPrice,
          discountPercent: faker.helpers.arrayElement(['0', '0', '5', '10']),
        }))
      : [];
    const amount = productLines.length ? sumMoney(productLines.map(lineTotal)) : sumMoney([faker.number.int({ min: 30, max: 2400 }) * 100]);

    const first = pipeline.stages[0];
    let state: TrackedState = {
      title: `${faker.helpers.arrayElement(TITLES)} ${createdAt.getUTCFullYear()}`,
      kind: isDeal ? 'DEAL' : 'LEAD',
      status: 'OPEN',
      accountId: account.id,
      contactId: null,
      ownerId,
      teamId: account.teamId,
      pipelineId: pipeline.id,
      stageId: first.id,
      amount,
      probability: first.probability,
      weightedAmount: weightedAmount(amount, first.probability),
      expectedCloseDate: addDays(organisationDay(createdAt), 42 + faker.number.int({ min: 0, max: 60 })),
      revenueStartDate: null,
      deliveryDate: null,
      dealStartDate: null,
      priorityKey: faker.helpers.arrayElement(['HIGH', 'MEDIUM', 'MEDIUM', 'LOW', null]),
      sourceId: account.sourceId,
      competitor: faker.helpers.arrayElement(COMPETITORS),
      nextStep: faker.helpers.arrayElement(NEXT_STEPS),
      forecastCategoryKey: 'PIPELINE',
      description: null,
      winLossReport: null,
      lossReasonId: null,
      closedAt: null,
    } as TrackedState;
    const opportunityId = id();
    changes.push({ id: id(), opportunityId, actorId: ownerId, changedAt: createdAt, field: CREATED, newValue: snapshotTracked(state) });

    // Walk through the stages over time, as the sales person did, and perhaps close.
    let at = createdAt;
    let stageEnteredAt = createdAt;
    const reachable = faker.number.int({ min: 0, max: pipeline.stages.length - 1 });
    const step = (next: Partial<TrackedState>, when: Date, actorId = ownerId) => {
      const merged = { ...state, ...next } as TrackedState;
      merged.weightedAmount = weightedAmount(merged.amount, merged.probability);
      for (const change of diffTracked(state, merged)) {
        changes.push({ id: id(), opportunityId, actorId, changedAt: when, field: change.field, oldValue: change.oldValue ?? undefined, newValue: change.newValue ?? undefined });
      }
      state = merged;
    };
    for (let stageIndex = 1; stageIndex <= reachable; stageIndex += 1) {
      at = new Date(at.getTime() + faker.number.int({ min: 3, max: Math.max(4, Math.floor(ageDays / (reachable + 2))) }) * DAY);
      if (at >= referenceDate) break;
      step({ stageId: pipeline.stages[stageIndex].id, probability: pipeline.stages[stageIndex].probability }, at);
      stageEnteredAt = at;
    }
    const closeAt = new Date(at.getTime() + faker.number.int({ min: 5, max: 40 }) * DAY);
    if (ageDays > 60 && closeAt < referenceDate && faker.datatype.boolean({ probability: 0.7 })) {
      if (faker.datatype.boolean({ probability: 0.55 })) {
        step({ status: 'WON', probability: 100, closedAt: closeAt, forecastCategoryKey: 'COMMIT', winLossReport: faker.helpers.maybe(() => 'Technik und Servicekonzept überzeugten.', { probability: 0.3 }) ?? null }, closeAt);
      } else {
        step({ status: 'LOST', probability: 0, closedAt: closeAt, forecastCategoryKey: 'OMITTED', lossReasonId: faker.helpers.arrayElement(lossReasons).id }, closeAt);
      }
      at = closeAt;
    } else if (faker.datatype.boolean({ probability: 0.3 })) {
      const when = new Date(Math.min(referenceDate.getTime() - DAY, at.getTime() + 10 * DAY));
      step({ forecastCategoryKey: faker.helpers.arrayElement(['COMMIT', 'BEST_CASE']), expectedCloseDate: addDays(organisationDay(referenceDate), faker.number.int({ min: -10, max: 120 })) }, when);
    }

    // A deal whose close date has passed gets a new one, as its owner would have moved it recently.
    const today = organisationDay(referenceDate);
    if (state.status === 'OPEN' && state.expectedCloseDate < addDays(today, -10)) {
      const movedAt = new Date(Math.max(at.getTime(), referenceDate.getTime() - faker.number.int({ min: 1, max: 20 }) * DAY));
      step({ expectedCloseDate: addDays(today, faker.number.int({ min: -7, max: 90 })) }, movedAt);
      at = movedAt;
    }

    // Activities: done ones along the way; open deals mostly have a recent contact and a planned
    // next step, while about one in seven has gone quiet (stale) with its task left overdue.
    const isOpen = state.status === 'OPEN';
    const quietSince = new Date(referenceDate.getTime() - faker.number.int({ min: 15, max: 60 }) * DAY);
    const quiet = isOpen && createdAt < quietSince && faker.datatype.boolean({ probability: 0.15 });
    let lastActivityAt: Date | null = null;
    const addActivity = (activity: Omit<Prisma.ActivityCreateManyInput, 'opportunityId' | 'accountId' | 'assigneeId' | 'createdById' | 'teamId'>) => {
      activities.push({ id: id(), opportunityId, accountId: account.id, assigneeId: ownerId, createdById: ownerId, teamId: account.teamId, ...activity });
      // As the domain counts it: an activity counts when it was created and when it was done.
      const counted = Math.max(new Date(activity.createdAt!).getTime(), activity.doneAt ? new Date(activity.doneAt).getTime() : 0);
      if (!lastActivityAt || counted > lastActivityAt.getTime()) lastActivityAt = new Date(counted);
    };
    const logDone = (doneAt: Date) => {
      const type = faker.helpers.arrayElement<ActivityType>(['CALL', 'EMAIL', 'MEETING', 'NOTE']);
      addActivity({
        type,
        subject: faker.helpers.arrayElement(['Telefonat mit Einkauf', 'Angebot per E-Mail gesendet', 'Termin vor Ort', 'Rückfrage Technik', 'Notiz zum Budget']),
        dueAt: doneAt,
        durationMinutes: type === 'MEETING' ? 90 : type === 'CALL' ? 20 : null,
        doneAt,
        createdAt: doneAt,
        updatedAt: doneAt,
      });
      changes.push({ id: id(), opportunityId, actorId: ownerId, changedAt: doneAt, field: 'ACTIVITY_COMPLETED', newValue: { type, subject: 'Aktivität erledigt' } });
    };
    const doneUntil = Math.min(at.getTime() + 5 * DAY, (quiet ? quietSince : referenceDate).getTime());
    const doneCount = faker.number.int({ min: 0, max: 4 });
    for (let activityIndex = 0; activityIndex < doneCount && doneUntil > createdAt.getTime(); activityIndex += 1) {
      logDone(new Date(createdAt.getTime() + faker.number.float({ min: 0, max: 1 }) * (doneUntil - createdAt.getTime())));
    }
    if (isOpen && !quiet) {
      const recent = referenceDate.getTime() - faker.number.int({ min: 0, max: 9 }) * DAY - faker.number.int({ min: 1, max: 8 }) * 3_600_000;
      logDone(new Date(Math.max(createdAt.getTime() + 3_600_000, recent)));
    }
    if (isOpen && faker.datatype.boolean({ probability: 0.8 })) {
      // Planned at the last contact; a quiet deal's task was planned before it went quiet and is overdue now.
      const plannedAt = quiet ? new Date(Math.max(createdAt.getTime(), quietSince.getTime() - DAY)) : (lastActivityAt ?? createdAt);
      const overdue = quiet || faker.datatype.boolean({ probability: 0.1 });
      const dueDays = overdue ? -faker.number.int({ min: 1, max: 6 }) : faker.number.int({ min: 1, max: 21 });
      const dueAt = new Date(referenceDate.getTime() + dueDays * DAY + faker.number.int({ min: 0, max: 7 }) * 3_600_000);
      addActivity({ type: 'TASK', subject: state.nextStep ?? 'Nachfassen', dueAt, createdAt: plannedAt, updatedAt: plannedAt });
    }
    if (faker.datatype.boolean({ probability: 0.25 })) {
      const follower = faker.helpers.arrayElement(people.allUserIds.filter((userId) => userId !== ownerId));
      followers.push({ opportunityId, userId: follower, createdAt: new Date(createdAt.getTime() + DAY) });
    }
    for (const line of productLines) lines.push({ ...line, opportunityId });

    opportunities.push({
      id: opportunityId,
      ...state,
      stageEnteredAt,
      lastActivityAt,
      version: 1 + changes.filter((change) => change.opportunityId === opportunityId && change.field !== CREATED && !change.field.startsWith('ACTIVITY_')).length,
      createdAt,
      // Activities on an opportunity touch it too (activity-tracking.ts).
      updatedAt: new Date(Math.max(at.getTime(), (lastActivityAt as Date | null)?.getTime() ?? 0)),
    } as Omit<Opportunity, 'number'>);
  }

  // Creation order gives the human ids (OPP-1001...) in the order the opportunities appeared.
  opportunities.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await tx.opportunity.createMany({ data: opportunities });
  await tx.opportunityLine.createMany({ data: lines });
  await tx.opportunityChange.createMany({ data: changes as Prisma.OpportunityChangeCreateManyInput[] });
  await tx.activity.createMany({ data: activities });
  // Only users who may read the opportunity follow it.
  const readable = new Map(opportunities.map((opportunity) => [opportunity.id, opportunity.teamId]));
  const memberships = await tx.teamMembership.findMany();
  const users = await tx.user.findMany({ select: { id: true, role: true } });
  const canRead = (userId: string, teamId: string) =>
    users.find((user) => user.id === userId)?.role === 'ADMIN' || memberships.some((row) => row.userId === userId && row.teamId === teamId);
  await tx.opportunityFollower.createMany({ data: followers.filter((row) => canRead(row.userId, readable.get(row.opportunityId)!)) });
  // Won deals made their accounts customers.
  const wonAccounts = [...new Set(opportunities.filter((opportunity) => opportunity.status === 'WON').map((opportunity) => opportunity.accountId))];
  await tx.account.updateMany({ where: { id: { in: wonAccounts } }, data: { statusKey: 'CUSTOMER' } });
}
