import { graphql } from '../gql';

// Fragments the mutation documents spread; fragment masking is off, so their fields are plain data.

export const ValidationErrorFields = graphql(`
  fragment ValidationErrorFields on ValidationError {
    message
    fieldErrors {
      field
      reason
      message
    }
  }
`);

export const DuplicateAccountFields = graphql(`
  fragment DuplicateAccountFields on DuplicateAccountError {
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
