import { graphql } from '../../gql';

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    closedStatus
    changedFields
    activityType
    activitySubject
    createdAt
    readAt
    actor {
      id
      name
    }
    opportunity {
      id
      humanId
      title
    }
  }
`);

/** The newest notifications, and older ones after `after`. */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String) {
    unreadNotificationCount
    notifications(first: $first, after: $after) {
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        startCursor
        endCursor
      }
    }
  }
`);

/** Catch-up: the notifications that came after the newest one the client has (`before` it). */
export const NotificationsSinceQuery = graphql(`
  query NotificationsSince($before: String!, $last: Int!) {
    unreadNotificationCount
    notifications(before: $before, last: $last) {
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
