import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { parseInput } from '../domain/validation.ts';
import { requireViewer } from './viewer.ts';

const Heartbeat = builder.objectRef<{ at: Date; sequence: number; viewerName: string }>('Heartbeat').implement({
  description: 'A tick of the `heartbeat` subscription.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    sequence: t.exposeInt('sequence'),
    viewerName: t.exposeString('viewerName', { description: 'Who the server believes is listening.' }),
  }),
});

builder.subscriptionField('heartbeat', (t) =>
  t.field({
    type: Heartbeat,
    description:
      'Ticks every `intervalMs` (250-60000) for `count` ticks (1-1000), an hour at most in all: checks that a live connection works. Counts towards the subscriptions a connection may hold.',
    authScopes: { authenticated: true },
    args: {
      intervalMs: t.arg.int({ defaultValue: 1000 }),
      count: t.arg.int({ defaultValue: 10 }),
    },
    subscribe: (_root, args, context) => {
      const viewerName = requireViewer(context).name;
      const { intervalMs: interval, count } = parseInput(heartbeatArgs, { intervalMs: args.intervalMs ?? 1000, count: args.count ?? 10 });
      return ticks(viewerName, interval, count);
    },
    resolve: (tick) => tick,
  }),
);

const MAX_HEARTBEAT_MS = 3_600_000;

const heartbeatArgs = z
  .object({
    intervalMs: z.number().int().min(250, 'At least 250 ms.').max(60_000, 'At most 60000 ms.'),
    count: z.number().int().min(1, 'At least 1.').max(1000, 'At most 1000.'),
  })
  .refine((args) => args.intervalMs * args.count <= MAX_HEARTBEAT_MS, {
    message: 'A heartbeat may run for an hour at most.',
    path: ['count'],
    params: { reason: 'TOO_LARGE' },
  });

async function* ticks(viewerName: string, interval: number, count: number) {
  for (let sequence = 1; sequence <= count; sequence += 1) {
    yield { at: new Date(), sequence, viewerName };
    if (sequence < count) await sleep(interval);
  }
}
