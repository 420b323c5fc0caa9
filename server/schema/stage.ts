import { builder } from '../builder.ts';

export const StageRef = builder.prismaNode('Stage', {
  id: { field: 'id' },
  description: 'A step of a pipeline, with the probability an opportunity gets when it moves here.',
  fields: (t) => ({
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    probability: t.exposeInt('probability', { description: 'Default probability (0-100).' }),
    pipeline: t.relation('pipeline'),
  }),
});
