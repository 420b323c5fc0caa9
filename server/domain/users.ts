import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient, Role, User } from '../generated/prisma/client.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { committed, emit } from './events.ts';
import { normalizeEmail } from './normalize.ts';
import { idList, omittable, parseInput, requiredText } from './validation.ts';

/**
 * Users and their access (domain.md, "Users and access"). ADMIN manages everyone. A MANAGER
 * manages the SALES and SERVICE users of their own teams: creates them into those teams, changes
 * their names, teams (among the manager's) and activity, never roles above SALES/SERVICE. Every
 * change of role, teams or activity ends the user's live subscriptions at once (ACCESS_CHANGED),
 * and a deactivated user can no longer sign in or use any token.
 */

const password = z
  .string({ error: 'Enter a password.' })
  .min(10, 'At least 10 characters.')
  .max(200, 'At most 200 characters.')
  .refine((value) => value.trim().length >= 10, { message: 'At least 10 characters besides spaces.', params: { reason: 'TOO_SHORT' } });

const email = z.string().trim().max(254, 'At most 254 characters.').pipe(z.email('Enter a valid e-mail address, like name@example.com.'));
const role = z.enum(['ADMIN', 'MANAGER', 'SALES', 'SERVICE']);

const createUserInput = z.object({
  name: requiredText(120),
  email,
  role,
  teamIds: idList(20).default([]),
  initialPassword: password,
});

const updateUserInput = z.object({
  name: omittable(requiredText(120)),
  email: omittable(email),
  role: omittable(role),
  teamIds: omittable(idList(20)),
  active: omittable(z.boolean()),
});

export type CreateUserInput = z.input<typeof createUserInput>;
export type UpdateUserInput = z.input<typeof updateUserInput>;

const MANAGEABLE_BY_MANAGERS: readonly Role[] = ['SALES', 'SERVICE'];

function assertMayManageUsers(viewer: Viewer) {
  if (viewer.readOnly || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) {
    throw new ForbiddenError('Only administrators and managers may manage users.');
  }
}

/** A manager acts only within their own teams and on roles below their own. */
function assertManagerMay(viewer: Viewer, target: { role: Role; teamIds: string[] }, field: string) {
  if (viewer.role === 'ADMIN') return;
  if (!MANAGEABLE_BY_MANAGERS.includes(target.role)) {
    throw ValidationError.field('role', 'NOT_ALLOWED', 'Managers may only manage sales and service users.');
  }
  const foreign = target.teamIds.filter((teamId) => !viewer.teamIds.includes(teamId));
  if (foreign.length) throw ValidationError.field(field, 'NOT_ALLOWED', 'Managers may only assign their own teams.');
}

async function assertTeamsExist(tx: Prisma.TransactionClient, teamIds: string[]) {
  const found = await tx.team.count({ where: { id: { in: teamIds } } });
  if (found !== new Set(teamIds).size) throw ValidationError.field('teamIds', 'NOT_FOUND', 'One of these teams does not exist.');
}

async function assertEmailFree(tx: Prisma.TransactionClient, normalized: string, exceptId?: string) {
  const taken = await tx.user.findFirst({ where: { email: normalized, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw ValidationError.field('email', 'TAKEN', 'Another user already has this e-mail address.');
}

export async function createUser(prisma: PrismaClient, viewer: Viewer, rawInput: CreateUserInput): Promise<User> {
  assertMayManageUsers(viewer);
  const input = parseInput(createUserInput, rawInput);
  assertManagerMay(viewer, { role: input.role, teamIds: input.teamIds }, 'teamIds');
  if (viewer.role === 'MANAGER' && input.teamIds.length === 0) {
    throw ValidationError.field('teamIds', 'REQUIRED', 'Choose at least one of your teams.');
  }
  const passwordHash = await hashPassword(input.initialPassword);
  return prisma.$transaction(async (tx) => {
    await assertTeamsExist(tx, input.teamIds);
    const normalized = normalizeEmail(input.email);
    await assertEmailFree(tx, normalized);
    return tx.user.create({
      data: {
        name: input.name,
        email: normalized,
        role: input.role,
        passwordHash,
        memberships: { create: [...new Set(input.teamIds)].map((teamId) => ({ teamId })) },
      },
    });
  });
}

export async function updateUser(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: UpdateUserInput): Promise<User> {
  assertMayManageUsers(viewer);
  const input = parseInput(updateUserInput, rawInput);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const current = await tx.user.findUnique({ where: { id }, include: { memberships: { select: { teamId: true } } } });
      const currentTeamIds = current?.memberships.map((membership) => membership.teamId) ?? [];
      // Managers see the users of their teams only; anyone else behaves like a missing user.
      if (!current || (viewer.role === 'MANAGER' && !currentTeamIds.some((teamId) => viewer.teamIds.includes(teamId)))) {
        throw new NotFoundError('User');
      }
      if (viewer.role === 'MANAGER') {
        assertManagerMay(viewer, { role: current.role, teamIds: [] }, 'teamIds');
        assertManagerMay(viewer, { role: input.role ?? current.role, teamIds: [] }, 'role');
        if (input.teamIds) {
          // A manager changes only their own teams in the user's list and keeps the others.
          const added = input.teamIds.filter((teamId) => !currentTeamIds.includes(teamId));
          const removed = currentTeamIds.filter((teamId) => !input.teamIds!.includes(teamId));
          assertManagerMay(viewer, { role: current.role, teamIds: [...added, ...removed] }, 'teamIds');
        }
      }
      if (id === viewer.id && (input.active === false || (input.role && input.role !== current.role))) {
        throw ValidationError.field(input.active === false ? 'active' : 'role', 'SELF', 'You cannot deactivate yourself or change your own role.');
      }
      if (input.teamIds) await assertTeamsExist(tx, input.teamIds);
      const normalized = input.email === undefined ? undefined : normalizeEmail(input.email);
      if (normalized) await assertEmailFree(tx, normalized, id);

      const teamsChanged =
        input.teamIds !== undefined &&
        (input.teamIds.length !== currentTeamIds.length || input.teamIds.some((teamId) => !currentTeamIds.includes(teamId)));
      const user = await tx.user.update({
        where: { id },
        data: {
          name: input.name,
          email: normalized,
          role: input.role,
          active: input.active,
          ...(teamsChanged
            ? { memberships: { deleteMany: {}, create: [...new Set(input.teamIds)].map((teamId) => ({ teamId })) } }
            : {}),
        },
      });
      if (teamsChanged || user.role !== current.role || user.active !== current.active) {
        emit({ type: 'ACCESS_CHANGED', userId: id });
      }
      return user;
    }),
  );
}

/** An administrator sets a new password for someone; all of that user's sessions end. */
export async function resetUserPassword(prisma: PrismaClient, viewer: Viewer, id: string, rawPassword: string): Promise<User> {
  if (viewer.readOnly || viewer.role !== 'ADMIN') throw new ForbiddenError('Only administrators may reset passwords.');
  const { newPassword } = parseInput(z.object({ newPassword: password }), { newPassword: rawPassword });
  const passwordHash = await hashPassword(newPassword);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const exists = await tx.user.count({ where: { id } });
      if (!exists) throw new NotFoundError('User');
      await tx.session.deleteMany({ where: { userId: id } });
      emit({ type: 'ACCESS_CHANGED', userId: id });
      return tx.user.update({ where: { id }, data: { passwordHash } });
    }),
  );
}

/** Users change their own password with the current one; their other sessions end. */
export async function changeMyPassword(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: { currentPassword: string; newPassword: string },
): Promise<User> {
  if (viewer.via !== 'session') throw new ForbiddenError('Passwords are changed from a signed-in session.');
  const input = parseInput(z.object({ currentPassword: z.string().max(200), newPassword: password }), rawInput);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw ValidationError.field('currentPassword', 'INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return committed(() =>
    prisma.$transaction(async (tx) => {
      const ended = await tx.session.findMany({ where: { userId: viewer.id, NOT: { id: viewer.credentialId } }, select: { id: true } });
      await tx.session.deleteMany({ where: { id: { in: ended.map((session) => session.id) } } });
      for (const session of ended) emit({ type: 'ACCESS_CHANGED', userId: viewer.id, credentialId: session.id });
      return tx.user.update({ where: { id: viewer.id }, data: { passwordHash } });
    }),
  );
}

const preferencesInput = z.object({
  /** null: follow the browser's language. */
  locale: z.enum(['DE', 'EN']).nullable().optional(),
});

/** A user's own preferences; read-only API tokens may not change them. */
export async function updateMyPreferences(
  prisma: PrismaClient,
  viewer: Viewer,
  rawInput: z.input<typeof preferencesInput>,
): Promise<User> {
  if (viewer.readOnly) throw new ForbiddenError('This API token is read-only.');
  const input = parseInput(preferencesInput, rawInput);
  return prisma.user.update({ where: { id: viewer.id }, data: input });
}

