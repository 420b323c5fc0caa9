import type { ActivityType } from '../../gql/graphql.ts';

/** The activity types in the order forms offer them; each is named by `activities.type.<TYPE>`. */
export const ACTIVITY_TYPES: readonly ActivityType[] = ['CALL', 'EMAIL', 'MEETING', 'TASK', 'NOTE'];
