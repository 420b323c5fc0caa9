import { graphql } from '../../gql';

// The expected failures of the opportunity mutations (ValidationErrorFields is in lib/fragments.ts).

export const ConflictErrorFields = graphql(`
  fragment ConflictErrorFields on ConflictError {
    code
    message
    currentVersion
  }
`);

export const OpportunityClosedErrorFields = graphql(`
  fragment OpportunityClosedErrorFields on OpportunityClosedError {
    code
    message
    status
    fields
  }
`);
