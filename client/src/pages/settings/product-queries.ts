import { graphql } from '../../gql';

export const SettingsProductFields = graphql(`
  fragment SettingsProductFields on Product {
    id
    sku
    name
    unit
    unitPrice
    description
    active
  }
`);

export const SettingsProductsQuery = graphql(`
  query SettingsProducts($first: Int, $after: String, $last: Int, $before: String, $search: String) {
    products(first: $first, after: $after, last: $last, before: $before, search: $search, includeInactive: true) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...SettingsProductFields
        }
      }
    }
  }
`);

export const SettingsCreateProductMutation = graphql(`
  mutation SettingsCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on CreateProductSuccess {
        product {
          ...SettingsProductFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsUpdateProductMutation = graphql(`
  mutation SettingsUpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      __typename
      ... on UpdateProductSuccess {
        product {
          ...SettingsProductFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);

export const SettingsSetProductActiveMutation = graphql(`
  mutation SettingsSetProductActive($id: ID!, $active: Boolean!) {
    setProductActive(id: $id, active: $active) {
      __typename
      ... on SetProductActiveSuccess {
        product {
          ...SettingsProductFields
        }
      }
      ... on ValidationError {
        ...ValidationErrorFields
      }
    }
  }
`);
