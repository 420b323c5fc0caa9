import { builder } from '../builder.ts';
import { OPEN_ACTIVITIES_CHOICES } from '../domain/open-activities-on-close.ts';

export const OpenActivitiesChoiceEnum = builder.enumType('OpenActivitiesChoice', {
  description:
    'What winning or losing does to the open activities of the opportunity: CLOSE marks them done at the moment of closing, KEEP leaves them open. Required when there are any (ValidationError with reason CHOICE_REQUIRED otherwise).',
  values: OPEN_ACTIVITIES_CHOICES,
});
