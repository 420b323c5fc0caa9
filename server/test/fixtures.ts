import { hashPassword } from '../auth/passwords.ts';
import { generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../auth/tokens.ts';
import type { PrismaClient, Role } from '../generated/prisma/client.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

/** Creates a user in the given teams with a ready session token (one argon2 hash per run). */
export async function createUser(
  prisma: PrismaClient,
  options: { name: string; role: Role; teamIds?: string[]; email?: string },
): Promise<TestUser> {
  const email = options.email ?? `${options.name.toLowerCase().replace(/[^a-z]+/g, '.')}@test.example`;
  const user = await prisma.user.create({
    data: {
      email,
      name: options.name,
      role: options.role,
      passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      memberships: { create: (options.teamIds ?? []).map((teamId) => ({ teamId })) },
    },
  });
  const token = generateToken(SESSION_TOKEN_PREFIX);
  await prisma.session.create({
    data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  return { id: user.id, email, role: user.role, token };
}

/**
 * Two teams with a manager and two sales people each, an admin, a service user: enough people
 * to test every access rule in both directions.
 */
export async function createOrganisation(prisma: PrismaClient) {
  const north = await prisma.team.create({ data: { name: 'North' } });
  const south = await prisma.team.create({ data: { name: 'South' } });
  return {
    north,
    south,
    admin: await createUser(prisma, { name: 'Ada Admin', role: 'ADMIN', teamIds: [north.id, south.id] }),
    northManager: await createUser(prisma, { name: 'Nora Manager', role: 'MANAGER', teamIds: [north.id] }),
    northSales: await createUser(prisma, { name: 'Nils Sales', role: 'SALES', teamIds: [north.id] }),
    northSales2: await createUser(prisma, { name: 'Nina Sales', role: 'SALES', teamIds: [north.id] }),
    southManager: await createUser(prisma, { name: 'Sven Manager', role: 'MANAGER', teamIds: [south.id] }),
    southSales: await createUser(prisma, { name: 'Sara Sales', role: 'SALES', teamIds: [south.id] }),
    service: await createUser(prisma, { name: 'Sam Service', role: 'SERVICE' }),
  };
}

export type Organisation = Awaited<ReturnType<typeof createOrganisation>>;
