import { useQuery } from 'urql';
import { graphql } from '../gql';

const CustomerFormOptionsQuery = graphql(`
  query CustomerFormOptions {
    me {
      id
      role
      teams {
        id
      }
    }
    lifecycleStatuses {
      key
      label
    }
    sources {
      id
      name
      active
    }
    users {
      id
      name
      role
      teams {
        id
        name
      }
    }
    tags {
      id
      name
      color
    }
  }
`);

/** The choices of the account and contact forms: statuses, sources, possible owners, tags. */
export function useCustomerFormOptions() {
  const [{ data, fetching, error }] = useQuery({ query: CustomerFormOptionsQuery, requestPolicy: 'cache-and-network' });
  return { options: data, fetching, error };
}

export type CustomerFormOptions = NonNullable<ReturnType<typeof useCustomerFormOptions>['options']>;
