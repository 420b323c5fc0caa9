import type { Viewer } from '../auth/viewer.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export function notificationsWhere(viewer: Viewer, unreadOnly: boolean): Prisma.NotificationWhereInput {
  return { userId: viewer.id, ...(unreadOnly ? { readAt: null } : {}) };
}

export async function markNotificationsRead(prisma: PrismaClient, viewer: Viewer, ids: string[] | null, now = new Date()) {
  const { count } = await prisma.notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return count;
}
