import { de, Faker } from '@faker-js/faker';
import { hashPassword } from '../auth/passwords.ts';
import type { Prisma, PrismaClient, Role } from '../generated/prisma/client.ts';
import { normalizeCompanyName, normalizeEmail } from '../domain/normalize.ts';
import { seedDemoBilling } from './demo-billing.ts';
import { DAY_MS, daysBeforeReference, demoReferenceDate } from './demo-clock.ts';
import { seedDemoPipeline } from './demo-pipeline.ts';

/**
 * Demo data of Nordlicht Maschinenbau GmbH, a German machine builder: two sales teams, six users of
 * all roles, 50 customer accounts and 120 contacts, and (demo-pipeline.ts) the pipelines with about
 * 400 opportunities. Deterministic: a fixed faker seed, ids drawn from that faker and every date
 * relative to the reference moment of demo-clock.ts (the moment it is loaded, to the day), so every
 * fresh database holds the same records, dated so that they look current.
 */
export const DEMO_PASSWORD = 'demo1234';

const NORTH = 'Vertrieb Nord';
const SOUTH = 'Vertrieb Süd';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  teams: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@nordlicht.example', name: 'Katrin Albers', role: 'ADMIN', teams: [NORTH, SOUTH] },
  { email: 'jens.petersen@nordlicht.example', name: 'Jens Petersen', role: 'MANAGER', teams: [NORTH] },
  { email: 'sabine.huber@nordlicht.example', name: 'Sabine Huber', role: 'MANAGER', teams: [SOUTH] },
  { email: 'lars.hansen@nordlicht.example', name: 'Lars Hansen', role: 'SALES', teams: [NORTH] },
  { email: 'maria.schmid@nordlicht.example', name: 'Maria Schmid', role: 'SALES', teams: [SOUTH] },
  { email: 'tom.becker@nordlicht.example', name: 'Tom Becker', role: 'SERVICE', teams: [] },
];

const FAKER_SEED = 20261122;
const PIPELINE_FAKER_SEED = 20261123;
const BILLING_FAKER_SEED = 20261203;
/** When the CRM was set up (teams, users and memberships): this long before the reference. */
const SETUP_DAYS_BEFORE = 1028;
const DAY = DAY_MS;
/** Opportunities of demo-pipeline.ts reach this far back; accounts in the pipeline are older. */
const PIPELINE_HISTORY_DAYS = 725;

const ACCOUNT_COUNT = 50;
const CONTACT_COUNT = 120;
const STANDALONE_CONTACTS = 6;
/** Accounts that neither buy nor get new opportunities (closed down, bankrupt, merged). */
const RETIRED_STATUSES = ['INACTIVE', 'INACTIVE', 'BANKRUPT', 'BANKRUPT', 'MERGED'] as const;
/** Prospects found in the last months: no opportunity yet. */
const FRESH_PROSPECTS = 9;

/** Configurable statuses next to the built-in ones; labels in English like the migration's. */
const EXTRA_STATUSES = [
  { key: 'BANKRUPT', label: 'Bankrupt', builtIn: false, position: 3 },
  { key: 'MERGED', label: 'Merged', builtIn: false, position: 4 },
];

const SOURCES: Array<{ name: string; weight: number }> = [
  { name: 'Messe', weight: 5 },
  { name: 'Website', weight: 4 },
  { name: 'Empfehlung', weight: 3 },
  { name: 'Kaltakquise', weight: 3 },
  { name: 'Partner', weight: 2 },
  { name: 'Ausschreibung', weight: 1 },
];

const TAGS = {
  keyAccount: { name: 'Key Account', color: '#b91c1c' },
  frameworkContract: { name: 'Rahmenvertrag', color: '#1d4ed8' },
  newCustomer: { name: 'Neukunde', color: '#15803d' },
  export: { name: 'Export', color: '#7c3aed' },
  maintenance: { name: 'Wartungsvertrag', color: '#0f766e' },
  decisionMaker: { name: 'Entscheider', color: '#c2410c' },
  newsletter: { name: 'Newsletter', color: '#64748b' },
  reference: { name: 'Referenzkunde', color: '#a16207' },
} as const;
type TagKey = keyof typeof TAGS;

/** Industries with the words their company names are made of. */
const INDUSTRIES: Array<{ name: string; weight: number; suffixes: string[]; prefixes: string[] }> = [
  { name: 'Maschinenbau', weight: 6, suffixes: ['Maschinenbau', 'Anlagenbau', 'Antriebstechnik', 'Fördertechnik'], prefixes: ['Maschinenfabrik'] },
  { name: 'Lebensmittel', weight: 4, suffixes: ['Feinkost', 'Backwaren', 'Lebensmittelwerke', 'Fleischwaren'], prefixes: ['Molkerei', 'Brauerei', 'Großbäckerei'] },
  { name: 'Logistik', weight: 3, suffixes: ['Logistik', 'Transporte', 'Lagertechnik'], prefixes: ['Spedition'] },
  { name: 'Automotive', weight: 3, suffixes: ['Automotive', 'Fahrzeugteile', 'Karosseriebau'], prefixes: [] },
  { name: 'Metallverarbeitung', weight: 3, suffixes: ['Metallbau', 'Stahlbau', 'Präzisionsteile', 'Umformtechnik'], prefixes: ['Metallwerk', 'Gießerei'] },
  { name: 'Verpackung', weight: 3, suffixes: ['Verpackungen', 'Verpackungstechnik', 'Wellpappe'], prefixes: [] },
  { name: 'Chemie', weight: 2, suffixes: ['Chemie', 'Kunststoffe', 'Lacke'], prefixes: ['Chemische Werke'] },
  { name: 'Elektrotechnik', weight: 2, suffixes: ['Elektrotechnik', 'Steuerungstechnik', 'Schaltanlagen'], prefixes: ['Elektro'] },
  { name: 'Medizintechnik', weight: 1, suffixes: ['Medizintechnik', 'Labortechnik'], prefixes: [] },
  { name: 'Energie', weight: 1, suffixes: ['Energietechnik', 'Solartechnik', 'Windenergie'], prefixes: [] },
];

/** Legal forms with a plausible head count; e.K. is a sole trader, SE and AG are large. */
const LEGAL_FORMS: Array<{ form: string; weight: number; employees: [number, number]; soleTrader?: boolean }> = [
  { form: 'GmbH', weight: 10, employees: [15, 900] },
  { form: 'GmbH & Co. KG', weight: 6, employees: [40, 2500] },
  { form: 'KG', weight: 2, employees: [10, 300] },
  { form: 'AG', weight: 2, employees: [300, 12_000] },
  { form: 'e.K.', weight: 2, employees: [4, 40], soleTrader: true },
  { form: 'SE', weight: 1, employees: [2000, 30_000] },
];

interface Place {
  city: string;
  areaCode: string;
  postalCodes: string[];
}

const NORTH_PLACES: Place[] = [
  { city: 'Hamburg', areaCode: '40', postalCodes: ['20095', '20457', '22041', '22769'] },
  { city: 'Bremen', areaCode: '421', postalCodes: ['28195', '28217', '28307'] },
  { city: 'Hannover', areaCode: '511', postalCodes: ['30159', '30419', '30625'] },
  { city: 'Kiel', areaCode: '431', postalCodes: ['24103', '24148'] },
  { city: 'Lübeck', areaCode: '451', postalCodes: ['23552', '23560'] },
  { city: 'Rostock', areaCode: '381', postalCodes: ['18055', '18147'] },
  { city: 'Oldenburg', areaCode: '441', postalCodes: ['26122', '26135'] },
  { city: 'Osnabrück', areaCode: '541', postalCodes: ['49074', '49084'] },
  { city: 'Braunschweig', areaCode: '531', postalCodes: ['38100', '38112'] },
  { city: 'Bielefeld', areaCode: '521', postalCodes: ['33602', '33719'] },
  { city: 'Flensburg', areaCode: '461', postalCodes: ['24937', '24941'] },
  { city: 'Emden', areaCode: '4921', postalCodes: ['26721', '26723'] },
];
const SOUTH_PLACES: Place[] = [
  { city: 'München', areaCode: '89', postalCodes: ['80331', '81379', '80939'] },
  { city: 'Stuttgart', areaCode: '711', postalCodes: ['70173', '70565', '70469'] },
  { city: 'Nürnberg', areaCode: '911', postalCodes: ['90402', '90451'] },
  { city: 'Augsburg', areaCode: '821', postalCodes: ['86150', '86167'] },
  { city: 'Freiburg im Breisgau', areaCode: '761', postalCodes: ['79098', '79111'] },
  { city: 'Ulm', areaCode: '731', postalCodes: ['89073', '89081'] },
  { city: 'Regensburg', areaCode: '941', postalCodes: ['93047', '93055'] },
  { city: 'Karlsruhe', areaCode: '721', postalCodes: ['76131', '76189'] },
  { city: 'Ingolstadt', areaCode: '841', postalCodes: ['85049', '85057'] },
  { city: 'Heilbronn', areaCode: '7131', postalCodes: ['74072', '74076'] },
  { city: 'Würzburg', areaCode: '931', postalCodes: ['97070', '97076'] },
  { city: 'Konstanz', areaCode: '7531', postalCodes: ['78462', '78467'] },
];
const NORTH_REGIONS = ['Nordsee', 'Ostsee', 'Weser', 'Elbe', 'Alster', 'Hanse', 'Heide', 'Förde'];
const SOUTH_REGIONS = ['Alpen', 'Isar', 'Donau', 'Schwaben', 'Franken', 'Bodensee', 'Neckar', 'Allgäu'];

/** [male, female, department]; the first ones decide. */
const DECISION_MAKERS: Array<[string, string, string]> = [
  ['Geschäftsführer', 'Geschäftsführerin', 'Geschäftsführung'],
  ['Einkaufsleiter', 'Einkaufsleiterin', 'Einkauf'],
  ['Technischer Leiter', 'Technische Leiterin', 'Technik'],
  ['Werksleiter', 'Werksleiterin', 'Produktion'],
];
const OTHER_JOBS: Array<[string, string, string]> = [
  ['Strategischer Einkäufer', 'Strategische Einkäuferin', 'Einkauf'],
  ['Produktionsleiter', 'Produktionsleiterin', 'Produktion'],
  ['Leiter Instandhaltung', 'Leiterin Instandhaltung', 'Instandhaltung'],
  ['Projektleiter', 'Projektleiterin', 'Technik'],
  ['Konstrukteur', 'Konstrukteurin', 'Entwicklung'],
  ['Qualitätsmanager', 'Qualitätsmanagerin', 'Qualitätssicherung'],
  ['Assistent der Geschäftsführung', 'Assistentin der Geschäftsführung', 'Geschäftsführung'],
  ['Leiter Logistik', 'Leiterin Logistik', 'Logistik'],
  ['Sachbearbeiter Einkauf', 'Sachbearbeiterin Einkauf', 'Einkauf'],
];
const STANDALONE_JOBS: Array<[string, string]> = [
  ['Freier Berater', 'Freie Beraterin'],
  ['Sachverständiger', 'Sachverständige'],
  ['Handelsvertreter', 'Handelsvertreterin'],
  ['Ingenieur', 'Ingenieurin'],
];
const FREEMAIL_DOMAINS = ['posteo.example', 'web.example', 'gmx.example', 'mailbox.example'];
const MOBILE_PREFIXES = ['151', '152', '157', '160', '162', '170', '171', '172', '173', '175', '176', '177', '178', '179'];

const ACCOUNT_NOTES = [
  'Familienunternehmen in dritter Generation; Entscheidungen trifft die Geschäftsführung.',
  'Modernisiert bis 2028 die Fertigungslinien, Budget liegt beim Werk.',
  'Zentraler Einkauf mit Rahmenverträgen, jährliche Ausschreibung im Frühjahr.',
  'Wächst im Exportgeschäft und sucht einen Partner für Wartung und Service.',
  'Kauft bisher Ersatzteile bei uns; Potenzial für Neuanlagen.',
  'Zweischichtbetrieb, Stillstände nur in den Werksferien im August möglich.',
  'Gehört zu einer Unternehmensgruppe; Freigaben über die Holding.',
];
const RETIRED_NOTES: Record<(typeof RETIRED_STATUSES)[number], string> = {
  INACTIVE: 'Standort geschlossen, Fertigung ins Ausland verlagert.',
  BANKRUPT: 'Insolvenzverfahren eröffnet; offene Posten beim Insolvenzverwalter angemeldet.',
  MERGED: 'Mit einem Wettbewerber verschmolzen; Ansprechpartner wechseln zur neuen Gesellschaft.',
};
const CONTACT_NOTES = [
  'Bevorzugt Termine am Vormittag.',
  'Entscheidet gemeinsam mit dem Einkauf.',
  'Kennengelernt auf der Hannover Messe.',
  'Ansprechpartner für Wartungsverträge.',
  'Möchte Angebote ausschließlich per E-Mail.',
  'Im August meist im Urlaub.',
];

interface SeedOptions {
  /** A precomputed hash of DEMO_PASSWORD (tests), to skip the slow argon2 hash. */
  passwordHash?: string;
  /** The moment the data counts as loaded (tests); now by default. Dates follow demoReferenceDate(loadedAt). */
  loadedAt?: Date;
}

/**
 * Loads the demo data into an empty database. Does nothing (and returns created: false) when any
 * user exists, so it can run on every start.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<{ created: boolean; reference?: Date }> {
  if ((await prisma.user.count()) > 0) return { created: false };
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const reference = demoReferenceDate(options.loadedAt);
  const data = generateDemoData(passwordHash, reference);

  return prisma.$transaction(
    async (tx) => {
      // Someone else may have seeded in the meantime.
      if (await tx.user.findFirst({ select: { id: true } })) return { created: false };
      await tx.team.createMany({ data: data.teams });
      await tx.user.createMany({ data: data.users });
      await tx.teamMembership.createMany({ data: data.memberships });
      await tx.lifecycleStatus.createMany({ data: EXTRA_STATUSES, skipDuplicates: true });
      await tx.source.createMany({ data: data.sources });
      await tx.tag.createMany({ data: data.tags });
      await tx.account.createMany({ data: data.accounts.map(({ meta: _meta, ...account }) => account) });

      const pipelineFaker = new Faker({ locale: [de] });
      pipelineFaker.seed(PIPELINE_FAKER_SEED);
      await seedDemoPipeline(tx, pipelineFaker, reference, {
        accounts: data.accounts.filter((account) => account.meta.inPipeline),
        sellersByTeam: data.sellersByTeam,
        allUserIds: data.users.filter((user) => user.role !== 'SERVICE').map((user) => user.id),
      });
      // Won deals made their accounts customers (as the domain's win rule does): contacts and
      // tags follow the final status.
      const won = await tx.opportunity.findMany({ where: { status: 'WON' }, select: { accountId: true, closedAt: true } });
      const { contacts, accountTags, contactTags } = data.finish(won);
      await tx.contact.createMany({ data: contacts });
      await tx.accountTag.createMany({ data: accountTags });
      await tx.contactTag.createMany({ data: contactTags });
      // The win rule touched the accounts at the time of the win, not now.
      await tx.$executeRaw`
        UPDATE "Account" AS a SET "updatedAt" = GREATEST(a."createdAt", w."closedAt")
        FROM (SELECT "accountId", max("closedAt") AS "closedAt" FROM "Opportunity" WHERE "status" = 'WON' GROUP BY "accountId") AS w
        WHERE w."accountId" = a."id"`;
      // Customers since their first win, or since they were created (not since the load).
      await tx.$executeRaw`
        UPDATE "Account" AS a SET "customerSince" = COALESCE(
          (SELECT min(o."closedAt") FROM "Opportunity" o WHERE o."accountId" = a."id" AND o."status" = 'WON'), a."createdAt")
        WHERE a."customerSince" IS NOT NULL`;
      const billingFaker = new Faker({ locale: [de] });
      billingFaker.seed(BILLING_FAKER_SEED);
      await seedDemoBilling(tx, billingFaker, reference);
      return { created: true, reference };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

type AccountRow = Prisma.AccountCreateManyInput & {
  id: string;
  ownerId: string;
  teamId: string;
  sourceId: string;
  createdAt: Date;
  meta: { inPipeline: boolean; domain: string; place: Place; phoneBase: string; retired: boolean; fresh: boolean };
};

/** All rows, computed before anything is written; `finish` adds what depends on the pipeline's outcome. */
function generateDemoData(passwordHash: string, reference: Date) {
  const setupDate = daysBeforeReference(reference, SETUP_DAYS_BEFORE, 1);
  const faker = new Faker({ locale: [de] });
  faker.seed(FAKER_SEED);
  const id = () => faker.string.uuid();
  const daysBefore = (date: Date, min: number, max: number) =>
    new Date(date.getTime() - faker.number.int({ min, max }) * DAY - faker.number.int({ min: 0, max: 9 * 60 }) * 60_000);

  const teams = [NORTH, SOUTH].map((name) => ({ id: id(), name, createdAt: setupDate }));
  const teamIdOf = (name: string) => teams.find((team) => team.name === name)!.id;
  const userIds = DEMO_USERS.map(() => id());
  const users = DEMO_USERS.map((user, index) => ({
    id: userIds[index],
    email: normalizeEmail(user.email),
    name: user.name,
    role: user.role,
    passwordHash,
    createdAt: setupDate,
    updatedAt: setupDate,
  }));
  const memberships = DEMO_USERS.flatMap((user, index) =>
    user.teams.map((team) => ({ teamId: teamIdOf(team), userId: userIds[index], createdAt: setupDate })),
  );
  const membersOf = (team: string, roles: Role[]) =>
    DEMO_USERS.flatMap((user, index) => (user.teams.includes(team) && roles.includes(user.role) ? [userIds[index]] : []));
  const sellersByTeam = new Map(teams.map((team) => [team.id, membersOf(team.name, ['MANAGER', 'SALES'])]));
  /** Sales people own most accounts, managers some, the admin (managing director) a few key ones. */
  const pickOwner = (team: string) =>
    faker.helpers.weightedArrayElement([
      ...membersOf(team, ['SALES']).map((value) => ({ value, weight: 6 })),
      ...membersOf(team, ['MANAGER']).map((value) => ({ value, weight: 3 })),
      ...membersOf(team, ['ADMIN']).map((value) => ({ value, weight: 0.5 })),
    ]);

  const sources = SOURCES.map((source, position) => ({ id: id(), name: source.name, position }));
  const pickSource = () =>
    faker.helpers.weightedArrayElement(SOURCES.map((source, index) => ({ value: sources[index].id, weight: source.weight })));
  const tagIds = Object.fromEntries(Object.keys(TAGS).map((key) => [key, id()])) as Record<TagKey, string>;
  const tags = (Object.keys(TAGS) as TagKey[]).map((key) => ({ id: tagIds[key], ...TAGS[key] }));

  /** Area code of the place and a subscriber number; the whole number has 10 or 11 digits. */
  const phoneBase = (place: Place) =>
    `+49 ${place.areaCode} ${faker.number.int({ min: 2, max: 9 })}${faker.string.numeric(Math.max(3, 8 - place.areaCode.length))}`;
  const mobile = () => `+49 ${faker.helpers.arrayElement(MOBILE_PREFIXES)} ${faker.string.numeric({ length: 8, allowLeadingZeros: false })}`;
  const street = () =>
    `${faker.location.street()} ${faker.number.int({ min: 1, max: 140 })}${faker.helpers.maybe(() => faker.helpers.arrayElement(['a', 'b']), { probability: 0.1 }) ?? ''}`;

  // Accounts: the first are retired, then fresh prospects, the rest work with us in the pipeline.
  const usedNames = new Set<string>();
  const accounts: AccountRow[] = Array.from({ length: ACCOUNT_COUNT }, (_, index) => {
    const retiredStatus = index < RETIRED_STATUSES.length ? RETIRED_STATUSES[index] : undefined;
    const fresh = !retiredStatus && index < RETIRED_STATUSES.length + FRESH_PROSPECTS;
    const north = faker.datatype.boolean({ probability: 0.5 });
    const team = north ? NORTH : SOUTH;
    const place = faker.helpers.arrayElement(north ? NORTH_PLACES : SOUTH_PLACES);
    const industry = faker.helpers.weightedArrayElement(INDUSTRIES.map((value) => ({ value, weight: value.weight })));
    const legal = faker.helpers.weightedArrayElement(LEGAL_FORMS.map((value) => ({ value, weight: value.weight })));

    let baseName: string;
    let name: string;
    do {
      baseName = companyBaseName(faker, industry, north ? NORTH_REGIONS : SOUTH_REGIONS, legal.soleTrader ?? false);
      name = `${baseName} ${legal.form}`;
    } while (usedNames.has(normalizeCompanyName(name)));
    usedNames.add(normalizeCompanyName(name));

    const domain = `${slug(baseName)}.example`;
    const [minEmployees, maxEmployees] = legal.employees;
    const rawEmployees = faker.number.int({ min: minEmployees, max: maxEmployees });
    const employees = rawEmployees < 50 ? rawEmployees : Math.round(rawEmployees / 10) * 10;
    const base = phoneBase(place);
    const createdAt = fresh ? daysBefore(reference, 3, 110) : daysBefore(reference, PIPELINE_HISTORY_DAYS + 5, 2400);
    const description = retiredStatus
      ? RETIRED_NOTES[retiredStatus]
      : faker.helpers.maybe(() => faker.helpers.arrayElement(ACCOUNT_NOTES), { probability: 0.6 }) ?? null;
    const statusKey = retiredStatus ?? (fresh ? 'PROSPECT' : faker.datatype.boolean({ probability: 0.55 }) ? 'CUSTOMER' : 'PROSPECT');
    return {
      id: id(),
      name,
      normalizedName: normalizeCompanyName(name),
      legalForm: legal.form,
      industry: industry.name,
      website: `https://www.${domain}`,
      email: normalizeEmail(`${faker.helpers.arrayElement(['info', 'info', 'kontakt', 'vertrieb'])}@${domain}`),
      phone: `${base}-0`,
      street: street(),
      postalCode: faker.helpers.arrayElement(place.postalCodes),
      city: place.city,
      country: 'DE',
      employees,
      description,
      statusKey,
      sourceId: pickSource(),
      ownerId: pickOwner(team),
      teamId: teamIdOf(team),
      createdAt,
      updatedAt: createdAt,
      meta: { inPipeline: !retiredStatus && !fresh, domain, place, phoneBase: base, retired: !!retiredStatus, fresh },
    };
  });

  // Contacts: one decision maker per account, the others spread by company size, then a few
  // people without a company (consultants, agents).
  const linkedCount = CONTACT_COUNT - STANDALONE_CONTACTS;
  const contactAccounts = [
    ...accounts,
    ...Array.from({ length: linkedCount - accounts.length }, () =>
      faker.helpers.weightedArrayElement(accounts.map((value) => ({ value, weight: Math.log10(10 + (value.employees ?? 0)) }))),
    ),
  ];
  const usedEmails = new Set<string>();
  const emailFor = (firstName: string, lastName: string, domain: string) => {
    const first = slug(firstName);
    const last = slug(lastName);
    for (const local of [`${first}.${last}`, `${first[0]}.${last}`, `${first}.${last}-${faker.number.int({ min: 2, max: 99 })}`]) {
      const email = `${local}@${domain}`;
      if (!usedEmails.has(email)) {
        usedEmails.add(email);
        return email;
      }
    }
    const email = `${first}.${last}.${usedEmails.size}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  const seenAccounts = new Set<string>();

  const draftContacts = Array.from({ length: CONTACT_COUNT }, (_, index) => {
    const account = index < linkedCount ? contactAccounts[index] : undefined;
    const firstOfAccount = account ? !seenAccounts.has(account.id) : false;
    if (account) seenAccounts.add(account.id);
    const sex = faker.person.sexType();
    const female = sex === 'female';
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const north = account ? account.teamId === teamIdOf(NORTH) : faker.datatype.boolean({ probability: 0.5 });
    const team = north ? NORTH : SOUTH;
    const place = account?.meta.place ?? faker.helpers.arrayElement(north ? NORTH_PLACES : SOUTH_PLACES);
    let jobTitle: string;
    let department: string | null;
    if (account) {
      const [male, femaleTitle, dept] = faker.helpers.arrayElement(firstOfAccount ? DECISION_MAKERS : OTHER_JOBS);
      jobTitle = female ? femaleTitle : male;
      department = dept;
    } else {
      const [male, femaleTitle] = faker.helpers.arrayElement(STANDALONE_JOBS);
      jobTitle = female ? femaleTitle : male;
      department = null;
    }
    // Usually the account's owner looks after its people, sometimes a colleague of the same team.
    const ownerId = account
      ? (faker.helpers.maybe(() => faker.helpers.arrayElement(sellersByTeam.get(account.teamId)!), { probability: 0.15 }) ?? account.ownerId)
      : pickOwner(team);
    const earliest = account ? account.createdAt : daysBefore(reference, 400, 1200);
    const createdAt = new Date(
      Math.min(reference.getTime() - DAY, earliest.getTime() + faker.number.int({ min: 0, max: firstOfAccount ? 2 : 200 }) * DAY),
    );
    const birthday =
      faker.helpers.maybe(
        () =>
          new Date(
            Date.UTC(faker.number.int({ min: 1959, max: 1998 }), faker.number.int({ min: 0, max: 11 }), faker.number.int({ min: 1, max: 28 })),
          ),
        { probability: 0.35 },
      ) ?? null;
    return {
      row: {
        id: id(),
        salutation: female ? 'Frau' : 'Herr',
        title: faker.helpers.weightedArrayElement([
          { value: null, weight: 85 },
          { value: 'Dr.', weight: 10 },
          { value: 'Dr.-Ing.', weight: 4 },
          { value: 'Prof. Dr.', weight: 1 },
        ]),
        firstName,
        lastName,
        jobTitle,
        department,
        email: normalizeEmail(emailFor(firstName, lastName, account?.meta.domain ?? faker.helpers.arrayElement(FREEMAIL_DOMAINS))),
        phone: account ? `${account.meta.phoneBase}-${faker.number.int({ min: 10, max: 399 })}` : `${phoneBase(place)}`,
        mobile: faker.helpers.maybe(mobile, { probability: account ? 0.5 : 0.9 }) ?? null,
        // People at a company are reached at its address; the others have their own.
        street: account ? null : street(),
        postalCode: account ? null : faker.helpers.arrayElement(place.postalCodes),
        city: account ? null : place.city,
        country: 'DE',
        birthday,
        notes: faker.helpers.maybe(() => faker.helpers.arrayElement(CONTACT_NOTES), { probability: 0.25 }) ?? null,
        accountId: account?.id ?? null,
        sourceId: account?.sourceId ?? pickSource(),
        ownerId,
        teamId: teamIdOf(team),
        createdAt,
        updatedAt: createdAt,
      },
      account,
      decisionMaker: firstOfAccount,
      newsletter: faker.datatype.boolean({ probability: 0.3 }),
    };
  });
  // Drawn now so the tags do not depend on how many faker calls the outcome below needs.
  const tagDraws = accounts.map(() => ({ key: faker.number.float(), framework: faker.number.float(), maintenance: faker.number.float(), exportShare: faker.number.float(), reference: faker.number.float() }));

  return {
    teams,
    users,
    memberships,
    sources,
    tags,
    accounts,
    sellersByTeam,
    /** Contacts and tags, given the opportunities the pipeline won. */
    finish(won: Array<{ accountId: string; closedAt: Date | null }>) {
      const firstWin = new Map<string, number>();
      for (const { accountId, closedAt } of won) {
        const at = closedAt?.getTime() ?? 0;
        if (!firstWin.has(accountId) || at < firstWin.get(accountId)!) firstWin.set(accountId, at);
      }
      const finalStatus = (account: AccountRow) => (firstWin.has(account.id) ? 'CUSTOMER' : (account.statusKey ?? 'PROSPECT'));

      const accountTags = accounts.flatMap((account, index) => {
        const draw = tagDraws[index];
        const customer = finalStatus(account) === 'CUSTOMER';
        const keys: TagKey[] = [];
        if (customer && (account.employees ?? 0) >= 500 && draw.key < 0.7) keys.push('keyAccount');
        if (customer && draw.framework < 0.3) keys.push('frameworkContract');
        if (customer && firstWin.has(account.id) && firstWin.get(account.id)! > reference.getTime() - 365 * DAY) keys.push('newCustomer');
        if (customer && draw.maintenance < 0.35) keys.push('maintenance');
        if (customer && draw.reference < 0.15) keys.push('reference');
        if (!account.meta.retired && draw.exportShare < 0.2) keys.push('export');
        return keys.map((key) => ({ accountId: account.id, tagId: tagIds[key] }));
      });

      const contacts = draftContacts.map(({ row, account }) => {
        const status = account ? finalStatus(account) : 'PROSPECT';
        return { ...row, statusKey: status === 'CUSTOMER' || status === 'PROSPECT' ? status : 'INACTIVE' };
      });
      const contactTags = draftContacts.flatMap(({ row, account, decisionMaker, newsletter }) => [
        ...(decisionMaker ? [{ contactId: row.id, tagId: tagIds.decisionMaker }] : []),
        ...(newsletter && !account?.meta.retired ? [{ contactId: row.id, tagId: tagIds.newsletter }] : []),
      ]);
      return { contacts, accountTags, contactTags };
    },
  };
}

/** Surnames that are famous brands or read as ordinary words in a company name. */
const UNFIT_COMPANY_NAMES = new Set([
  'Porsche', 'Henkel', 'Bosch', 'Siemens', 'Krupp', 'Thyssen', 'Miele', 'Oetker', 'Bahlsen', 'Würth', 'Claas', 'Liebherr',
  'Kärcher', 'Trumpf', 'Benz', 'Daimler', 'Frauen', 'Weniger', 'Bruder', 'Teufel', 'Gott', 'Mann', 'Frau', 'Kind',
]);

/** "Gebr. Krüger Antriebstechnik", "Weser Logistik", "Spedition Hansen", "Brandt & Vogel". */
function companyBaseName(
  faker: Faker,
  industry: (typeof INDUSTRIES)[number],
  regions: string[],
  soleTrader: boolean,
): string {
  const suffix = () => faker.helpers.arrayElement(industry.suffixes);
  const family = () => {
    let name: string;
    do name = faker.person.lastName();
    while (UNFIT_COMPANY_NAMES.has(name));
    return name;
  };
  const patterns: Array<{ value: () => string; weight: number }> = [
    { value: () => `${family()} ${suffix()}`, weight: 5 },
    { value: () => `${faker.helpers.arrayElement(regions)} ${suffix()}`, weight: 2 },
    { value: () => `Gebr. ${family()} ${suffix()}`, weight: soleTrader ? 0 : 1 },
    { value: () => `${family()} & ${family()}`, weight: soleTrader ? 0 : 1 },
    { value: () => `${family()} & Söhne`, weight: soleTrader ? 0 : 0.5 },
    { value: () => `${faker.helpers.arrayElement(industry.prefixes)} ${family()}`, weight: industry.prefixes.length ? 2 : 0 },
  ];
  return faker.helpers.weightedArrayElement(patterns.filter((pattern) => pattern.weight > 0))();
}

/** Lower-case ASCII for host names and mailbox names: "Krüger & Söhne" -> "krueger-soehne". */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\bgebr\.\s*/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
