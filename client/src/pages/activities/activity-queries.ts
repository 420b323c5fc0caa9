import { graphql } from '../../gql';

/** What lists, the calendar and the forms show of an activity. */
export const ActivityFields = graphql(`
  fragment ActivityFields on Activity {
    id
    type
    subject
    status
    dueAt
    doneAt
    durationMinutes
    notes
    outcome
    viewerCanEdit
    assignee {
      id
      name
    }
    opportunity {
      id
      humanId
      title
    }
    account {
      id
      name
    }
    contact {
      id
      fullName
    }
  }
`);

// Every change refetches what shows activities, and the opportunities whose version, "next
// activity" and last-activity date follow them (see the mutations' additionalTypenames).
export const ACTIVITY_CHANGE_CONTEXT = { additionalTypenames: ['Activity', 'Opportunity'] };

export const CreateActivityMutation = graphql(`
  mutation CreateActivity($input: CreateActivityInput!) {
    createActivity(input: $input) {
      __typename
      ... on CreateActivitySuccess {
        activity {
          ...ActivityFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($id: ID!, $input: UpdateActivityInput!) {
    updateActivity(id: $id, input: $input) {
      __typename
      ... on UpdateActivitySuccess {
        activity {
          ...ActivityFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const RescheduleActivityMutation = graphql(`
  mutation RescheduleActivity($id: ID!, $dueAt: DateTime!) {
    rescheduleActivity(id: $id, dueAt: $dueAt) {
      __typename
      ... on RescheduleActivitySuccess {
        activity {
          ...ActivityFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const CompleteActivityAtMutation = graphql(`
  mutation CompleteActivityAt($id: ID!, $done: Boolean!, $doneAt: DateTime) {
    completeActivity(id: $id, done: $done, doneAt: $doneAt) {
      __typename
      ... on CompleteActivitySuccess {
        activity {
          ...ActivityFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const DeleteActivityMutation = graphql(`
  mutation DeleteActivity($id: ID!) {
    deleteActivity(id: $id) {
      __typename
      ... on DeleteActivitySuccess {
        deletedId
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

/** Who an activity can be assigned to; the server checks that they may see the record. */
export const ActivityAssigneesQuery = graphql(`
  query ActivityAssignees {
    users {
      id
      name
    }
  }
`);

export const ActivityListQuery = graphql(`
  query ActivityList($filter: ActivityFilter, $first: Int, $after: String, $last: Int, $before: String) {
    activities(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...ActivityFields
        }
      }
    }
  }
`);

export const ActivityCalendarQuery = graphql(`
  query ActivityCalendar($from: DateTime!, $to: DateTime!, $filter: ActivityFilter, $first: Int) {
    activityCalendar(from: $from, to: $to, filter: $filter, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ActivityFields
        }
      }
    }
  }
`);

export const ActivityFilterOptionsQuery = graphql(`
  query ActivityFilterOptions {
    users {
      id
      name
    }
    teams {
      id
      name
    }
  }
`);

/** An opportunity's open activities, which winning or losing closes or keeps. */
export const OpenActivitiesQuery = graphql(`
  query OpenActivities($opportunityId: ID!) {
    activities(filter: { opportunityId: $opportunityId, status: [OPEN, OVERDUE] }, first: 100) {
      totalCount
      edges {
        node {
          id
          type
          subject
          dueAt
          status
        }
      }
    }
  }
`);

export const ActivityPlanQuery = graphql(`
  query OpportunityActivityPlan($id: ID!) {
    opportunity(id: $id) {
      id
      pipeline {
        id
        name
        activityPlan {
          type
          subject
          dayOffset
          durationMinutes
        }
      }
    }
  }
`);

export const ApplyActivityPlanMutation = graphql(`
  mutation ApplyActivityPlan($opportunityId: ID!, $startDate: Date) {
    applyActivityPlan(opportunityId: $opportunityId, startDate: $startDate) {
      __typename
      ... on ApplyActivityPlanSuccess {
        activities {
          ...ActivityFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
