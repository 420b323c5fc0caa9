import { z } from 'zod';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient, Team } from '../generated/prisma/client.ts';
import { adminChange, assertNameFree, assertUnused, sameName } from './admin-edit.ts';
import { NotFoundError } from './errors.ts';
import { omittable, requiredText } from './validation.ts';

/**
 * Teams are set up by administrators. Their type matters: only SALES teams appear in budgets
 * (seed 004). Members are managed on the user (users.ts), where access changes are announced.
 */
const teamType = z.enum(['SALES', 'SERVICE', 'OTHER']);

const createTeamInput = z.object({ name: requiredText(120), type: omittable(teamType) });
const updateTeamInput = z.object({ name: omittable(requiredText(120)), type: omittable(teamType) });

export function createTeam(prisma: PrismaClient, viewer: Viewer, rawInput: z.input<typeof createTeamInput>): Promise<Team> {
  return adminChange(prisma, viewer, createTeamInput, rawInput, async (tx, input) => {
    assertNameFree(await tx.team.findFirst({ where: { name: sameName(input.name) }, select: { id: true } }), 'team');
    return tx.team.create({ data: { name: input.name, type: input.type ?? 'SALES' } });
  });
}

export function updateTeam(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: z.input<typeof updateTeamInput>): Promise<Team> {
  return adminChange(prisma, viewer, updateTeamInput, rawInput, async (tx, input) => {
    if (!(await tx.team.count({ where: { id } }))) throw new NotFoundError('Team');
    if (input.name) {
      assertNameFree(await tx.team.findFirst({ where: { name: sameName(input.name), NOT: { id } }, select: { id: true } }), 'team');
    }
    return tx.team.update({ where: { id }, data: input });
  });
}

/** Only a team without members and records can go; move them to another team first. */
export function deleteTeam(prisma: PrismaClient, viewer: Viewer, id: string): Promise<Team> {
  return adminChange(prisma, viewer, z.object({}), {}, async (tx) => {
    const team = await tx.team.findUnique({
      where: { id },
      include: { _count: { select: { members: true, accounts: true, contacts: true, opportunities: true, activities: true } } },
    });
    if (!team) throw new NotFoundError('Team');
    const { members, ...records } = team._count;
    assertUnused(members, 'NOT_EMPTY', 'The team still has members.');
    assertUnused(Object.values(records).reduce((sum, count) => sum + count, 0), 'IN_USE', 'Records still belong to the team.');
    return tx.team.delete({ where: { id } });
  });
}
