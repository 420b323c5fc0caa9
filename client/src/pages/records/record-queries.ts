import { graphql } from '../../gql';

// The tabs of the account and contact pages. A subject is `{ accountId }` or `{ contactId }`:
// the list queries (opportunities, activities, quotes, orders, invoices) take it as their filter,
// so both pages share one set of documents.

export const RecordCountsFields = graphql(`
  fragment RecordCountsFields on RecordCounts {
    activities
    contacts
    opportunities
    openOpportunities
    wonOpportunities
    lostOpportunities
    quotes
    orders
    invoices
  }
`);

export const RecordOpportunitiesQuery = graphql(`
  query RecordOpportunities($filter: OpportunityFilter!, $orderBy: OpportunityOrder, $first: Int, $after: String, $last: Int, $before: String) {
    opportunities(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...OpportunityRowFields
        }
      }
    }
  }
`);

export const RecordActivitiesQuery = graphql(`
  query RecordActivities($filter: ActivityFilter!, $first: Int, $after: String, $last: Int, $before: String) {
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

export const TimelineItemFields = graphql(`
  fragment TimelineItemFields on TimelineItem {
    kind
    at
    activity {
      id
      type
      subject
      status
      outcome
      assignee {
        id
        name
      }
      opportunity {
        id
        humanId
        title
      }
      contact {
        id
        fullName
      }
    }
    documentChange {
      id
      kind
      event
      fromStatus
      toStatus
      actor {
        id
        name
      }
      quote {
        id
        number
      }
      order {
        id
        number
      }
      invoice {
        id
        number
      }
    }
    change {
      id
      field
      oldDisplay
      newDisplay
      oldValue
      newValue
      restricted
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
  }
`);

export const AccountTimelineQuery = graphql(`
  query AccountTimeline($id: ID!, $first: Int, $after: String) {
    account(id: $id) {
      id
      timeline(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...TimelineItemFields
          }
        }
      }
    }
  }
`);

export const ContactTimelineQuery = graphql(`
  query ContactTimeline($id: ID!, $first: Int, $after: String) {
    contact(id: $id) {
      id
      timeline(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...TimelineItemFields
          }
        }
      }
    }
  }
`);
