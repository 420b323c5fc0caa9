// Relay global ids are base64 and may contain `/` or `+`: always encode them in URLs.
const segment = (id: string) => encodeURIComponent(id);

export const paths = {
  accounts: () => '/accounts',
  newAccount: () => '/accounts/new',
  /** An account's page, on one of its tabs (`contacts`, `opportunities`, ...) when given. */
  account: (id: string, tab?: string) => `/accounts/${segment(id)}${tab ? `?tab=${tab}` : ''}`,
  editAccount: (id: string) => `/accounts/${segment(id)}/edit`,
  newContact: (accountId: string) => `/accounts/${segment(accountId)}/contacts/new`,
  contacts: () => '/contacts',
  contact: (id: string) => `/contacts/${segment(id)}`,
  editContact: (id: string) => `/contacts/${segment(id)}/edit`,
};
