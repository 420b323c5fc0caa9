import { de, Faker } from '@faker-js/faker';
import { hashPassword } from '../auth/passwords.ts';
import type { PrismaClient, Role } from '../generated/prisma/client.ts';
import { normalizeCompanyName, normalizeEmail } from '../domain/normalize.ts';
import { seedDemoPipeline } from './demo-pipeline.ts';

/**
 * Demo data of a German machine builder's sales organisation: two sales teams, six users of all
 * roles, 50 accounts and 120 contacts, and the pipelines with about 400 opportunities
 * (see demo-pipeline.ts). Deterministic (fixed seed and reference date), so every
 * fresh database holds the same records.
 */
export const DEMO_PASSWORD = 'demo1234';

const NORTH = 'Vertrieb Nord';
const SOUTH = 'Vertrieb Süd';

export const DEMO_USERS: readonly { email: string; name: string; role: Role; teams: readonly string[] }[] = [
  { email: 'admin@nordlicht.example', name: 'Katrin Albers', role: 'ADMIN', teams: [NORTH, SOUTH] },
  { email: 'jens.petersen@nordlicht.example', name: 'Jens Petersen', role: 'MANAGER', teams: [NORTH] },
  { email: 'sabine.huber@nordlicht.example', name: 'Sabine Huber', role: 'MANAGER', teams: [SOUTH] },
  { email: 'lars.hansen@nordlicht.example', name: 'Lars Hansen', role: 'SALES', teams: [NORTH] },
  { email: 'maria.schmid@nordlicht.example', name: 'Maria Schmid', role: 'SALES', teams: [SOUTH] },
  { email: 'tom.becker@nordlicht.example', name: 'Tom Becker', role: 'SERVICE', teams: [] },
];

const SOURCES = ['Messe', 'Website', 'Empfehlung', 'Kaltakquise', 'Partner', 'Ausschreibung'];
const TAGS: Array<[string, string]> = [
  ['Key Account', '#b91c1c'],
  ['Rahmenvertrag', '#1d4ed8'],
  ['Neukunde', '#15803d'],
  ['Export', '#7c3aed'],
  ['Wartung', '#0f766e'],
  ['Entscheider', '#c2410c'],
  ['Newsletter', '#64748b'],
  ['Referenzkunde', '#a16207'],
];
const LEGAL_FORMS = ['GmbH', 'GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'e.K.', 'SE'];
const INDUSTRIES = ['Maschinenbau', 'Logistik', 'Lebensmittel', 'Automotive', 'Chemie', 'Medizintechnik', 'Energie', 'Bau', 'Elektrotechnik'];
const NAME_PARTS = ['Technik', 'Werke', 'Systeme', 'Anlagenbau', 'Logistik', 'Antriebe', 'Metallbau', 'Verpackung', 'Kunststoff', 'Automation'];
const JOB_TITLES = ['Geschäftsführer', 'Einkaufsleiter', 'Technischer Leiter', 'Produktionsleiterin', 'Projektleiter', 'Assistenz der Geschäftsführung', 'Leiterin Instandhaltung', 'Strategischer Einkäufer'];
const DEPARTMENTS = ['Geschäftsführung', 'Einkauf', 'Technik', 'Produktion', 'Instandhaltung', 'Qualität'];
const DESCRIPTIONS = [
  'Familienunternehmen in dritter Generation, Entscheidungen über die Geschäftsführung.',
  'Modernisiert bis 2027 die Fertigungslinien; Budget liegt beim Werk.',
  'Zentraler Einkauf mit Rahmenverträgen, jährliche Ausschreibung im Frühjahr.',
  'Wachstum im Exportgeschäft, sucht Partner für Wartung und Service.',
  'Bestehender Kunde für Ersatzteile, Potenzial für Neuanlagen.',
];
/** North German cities belong to team North, the others to team South. */
const CITIES: Array<{ city: string; postalCode: string; north: boolean }> = [
  { city: 'Hamburg', postalCode: '20457', north: true },
  { city: 'Bremen', postalCode: '28195', north: true },
  { city: 'Hannover', postalCode: '30159', north: true },
  { city: 'Kiel', postalCode: '24103', north: true },
  { city: 'Lübeck', postalCode: '23552', north: true },
  { city: 'Rostock', postalCode: '18055', north: true },
  { city: 'Oldenburg', postalCode: '26122', north: true },
  { city: 'München', postalCode: '80331', north: false },
  { city: 'Stuttgart', postalCode: '70173', north: false },
  { city: 'Nürnberg', postalCode: '90402', north: false },
  { city: 'Augsburg', postalCode: '86150', north: false },
  { city: 'Freiburg im Breisgau', postalCode: '79098', north: false },
  { city: 'Ulm', postalCode: '89073', north: false },
  { city: 'Regensburg', postalCode: '93047', north: false },
];

/** Everything is dated relative to this moment, never to the clock. */
const REFERENCE_DATE = new Date('2026-11-01T09:00:00Z');

export async function seedDemoData(prisma: PrismaClient, options: { passwordHash?: string } = {}): Promise<{ created: boolean }> {
  if ((await prisma.user.count()) > 0) return { created: false };
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const faker = new Faker({ locale: [de] });
  faker.seed(20261122);
  const id = () => faker.string.uuid();
  const pastDate = (days: number) => new Date(REFERENCE_DATE.getTime() - faker.number.int({ min: 0, max: days }) * 86_400_000);

  const teams = [NORTH, SOUTH].map((name) => ({ id: id(), name }));
  const teamId = (name: string) => teams.find((team) => team.name === name)!.id;
  const users = DEMO_USERS.map((user) => ({ ...user, id: id() }));
  const sellersOf = (team: string) => users.filter((user) => user.teams.includes(team) && user.role !== 'ADMIN');
  const sources = SOURCES.map((name, position) => ({ id: id(), name, position }));
  const tags = TAGS.map(([name, color]) => ({ id: id(), name, color }));

  const usedNames = new Set<string>();
  const accounts = Array.from({ length: 50 }, () => {
    let name: string;
    do {
      const base = faker.helpers.arrayElement([faker.person.lastName(), `${faker.person.lastName()} & ${faker.person.lastName()}`, faker.location.city()]);
      name = `${base} ${faker.helpers.arrayElement(NAME_PARTS)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const legalForm = faker.helpers.arrayElement(LEGAL_FORMS);
    const place = faker.helpers.arrayElement(CITIES);
    const team = place.north ? NORTH : SOUTH;
    const owner = faker.helpers.arrayElement(sellersOf(team));
    const domain = `${normalizeCompanyName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.example`;
    const createdAt = pastDate(900);
    return {
      id: id(),
      name: `${name} ${legalForm}`,
      normalizedName: normalizeCompanyName(`${name} ${legalForm}`),
      legalForm,
      industry: faker.helpers.arrayElement(INDUSTRIES),
      website: `https://www.${domain}`,
      email: `info@${domain}`,
      phone: `+49 ${faker.string.numeric(3)} ${faker.string.numeric(6)}`,
      street: `${faker.location.street()} ${faker.number.int({ min: 1, max: 180 })}`,
      postalCode: place.postalCode,
      city: place.city,
      country: 'DE',
      employees: faker.helpers.arrayElement([12, 35, 80, 150, 240, 480, 1200, 3500]),
      description:
        faker.helpers.maybe(() => faker.helpers.arrayElement(DESCRIPTIONS), { probability: 0.4 }) ?? null,
      statusKey: faker.helpers.weightedArrayElement([
        { value: 'CUSTOMER', weight: 5 },
        { value: 'PROSPECT', weight: 8 },
        { value: 'INACTIVE', weight: 1 },
        { value: 'MERGED', weight: 0.3 },
        { value: 'BANKRUPT', weight: 0.3 },
      ]),
      sourceId: faker.helpers.arrayElement(sources).id,
      ownerId: owner.id,
      teamId: teamId(team),
      createdAt,
      updatedAt: createdAt,
      domain,
    };
  });

  const contacts = Array.from({ length: 120 }, (_, index) => {
    const standalone = index >= 114;
    const account = standalone ? undefined : accounts[index % accounts.length];
    const sex = faker.person.sexType();
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const team = account ? teams.find((candidate) => candidate.id === account.teamId)!.name : faker.helpers.arrayElement([NORTH, SOUTH]);
    const owner = account ? users.find((user) => user.id === account.ownerId)! : faker.helpers.arrayElement(sellersOf(team));
    const mailbox = normalizeEmail(`${firstName}.${lastName}`.replace(/[^A-Za-zÄÖÜäöüß.]/g, ''))
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss');
    const place = faker.helpers.arrayElement(CITIES.filter((candidate) => candidate.north === (team === NORTH)));
    const createdAt = pastDate(700);
    return {
      id: id(),
      salutation: sex === 'female' ? 'Frau' : 'Herr',
      title: faker.helpers.maybe(() => 'Dr.', { probability: 0.12 }) ?? null,
      firstName,
      lastName,
      jobTitle: faker.helpers.arrayElement(JOB_TITLES),
      department: faker.helpers.arrayElement(DEPARTMENTS),
      email: `${mailbox}.${index}@${account ? account.domain : 'mail.example'}`,
      phone: `+49 ${faker.string.numeric(3)} ${faker.string.numeric(6)}`,
      mobile: faker.helpers.maybe(() => `+49 1${faker.string.numeric(2)} ${faker.string.numeric(7)}`, { probability: 0.6 }) ?? null,
      street: account ? account.street : `${faker.location.street()} ${faker.number.int({ min: 1, max: 90 })}`,
      postalCode: account ? account.postalCode : place.postalCode,
      city: account ? account.city : place.city,
      country: 'DE',
      birthday:
        faker.helpers.maybe(() => new Date(Date.UTC(faker.number.int({ min: 1958, max: 1996 }), faker.number.int({ min: 0, max: 11 }), faker.number.int({ min: 1, max: 28 }))), {
          probability: 0.3,
        }) ?? null,
      notes: faker.helpers.maybe(() => faker.helpers.arrayElement(['Bevorzugt Termine am Vormittag.', 'Entscheidet gemeinsam mit dem Einkauf.', 'Kontakt über Messe Hannover.', 'Ansprechpartner für Wartungsverträge.']), { probability: 0.3 }) ?? null,
      statusKey: account?.statusKey === 'CUSTOMER' ? 'CUSTOMER' : 'PROSPECT',
      accountId: account?.id ?? null,
      sourceId: account?.sourceId ?? faker.helpers.arrayElement(sources).id,
      ownerId: owner.id,
      teamId: teamId(team),
      createdAt,
      updatedAt: createdAt,
    };
  });

  const accountTags = accounts.flatMap((account) =>
    faker.helpers.arrayElements(tags, faker.number.int({ min: 0, max: 2 })).map((tag) => ({ accountId: account.id, tagId: tag.id })),
  );
  const contactTags = contacts.flatMap((contact) =>
    faker.helpers.maybe(() => [{ contactId: contact.id, tagId: faker.helpers.arrayElement(tags).id }], { probability: 0.25 }) ?? [],
  );

  await prisma.$transaction(
    async (tx) => {
      await tx.team.createMany({ data: teams });
      await tx.user.createMany({ data: users.map(({ teams: _teams, ...user }) => ({ ...user, passwordHash })) });
      await tx.teamMembership.createMany({
        data: users.flatMap((user) => user.teams.map((team) => ({ userId: user.id, teamId: teamId(team) }))),
      });
      await tx.lifecycleStatus.createMany({
        data: [
          { key: 'BANKRUPT', label: 'Insolvent', position: 3 },
          { key: 'MERGED', label: 'Fusioniert', position: 4 },
        ],
        skipDuplicates: true,
      });
      await tx.source.createMany({ data: sources });
      await tx.tag.createMany({ data: tags });
      await tx.account.createMany({ data: accounts.map(({ domain: _domain, ...account }) => account) });
      await tx.contact.createMany({ data: contacts });
      await tx.accountTag.createMany({ data: accountTags });
      await tx.contactTag.createMany({ data: contactTags });
      const pipelineFaker = new Faker({ locale: [de] });
      pipelineFaker.seed(20261123);
      await seedDemoPipeline(tx, pipelineFaker, REFERENCE_DATE, {
        accounts,
        sellersByTeam: new Map(teams.map((team) => [team.id, sellersOf(team.name).map((user) => user.id)])),
        allUserIds: users.filter((user) => user.role !== 'SERVICE').map((user) => user.id),
      });
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  return { created: true };
}
