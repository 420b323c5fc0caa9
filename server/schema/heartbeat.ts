import { setTimeout as sleep } from 'node:timers/promises';
import { builder } from '../builder.ts';
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
    description: 'Ticks every `intervalMs` (250-60000) for `count` ticks (1-1000): checks that a live connection works.',
    authScopes: { authenticated: true },
    args: {
      intervalMs: t.arg.int({ defaultValue: 1000 }),
      count: t.arg.int({ defaultValue: 10 }),
    },
    subscribe: async function* (_root, args, context) {
      const viewerName = requireViewer(context).name;
      const interval = Math.min(Math.max(args.intervalMs ?? 1000, 250), 60_000);
      const count = Math.min(Math.max(args.count ?? 10, 1), 1000);
      for (let sequence = 1; sequence <= count; sequence += 1) {
        yield { at: new Date(), sequence, viewerName };
        if (sequence < count) await sleep(interval);
      }
    },
    resolve: (tick) => tick,
  }),
);
