import { graphql } from '../gql';

// Fragments the mutation documents spread; fragment masking is off, so their fields are plain data.

export const ValidationErrorFields = graphql(`
  fragment ValidationErrorFields on ValidationError {
    code
    message
    fieldErrors {
      field
      reason
      message
      limit
    }
  }
`);

export const DuplicateAccountFields = graphql(`
  fragment DuplicateAccountFields on DuplicateAccountError {
    code
    message
    matchedOn
    existing {
      id
      name
      email
      address {
        postalCode
        city
      }
      owner {
        id
        name
      }
    }
  }
`);

export const DuplicateContactFields = graphql(`
  fragment DuplicateContactFields on DuplicateContactError {
    code
    message
    matchedOn
    existing {
      id
      fullName
      email
      account {
        id
        name
      }
    }
  }
`);
