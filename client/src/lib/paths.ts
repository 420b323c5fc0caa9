// Relay global ids are base64 and may contain `/` or `+`: always encode them in URLs.
const segment = (id: string) => encodeURIComponent(id);

export const paths = {
  accounts: () => '/accounts',
  newAccount: () => '/accounts/new',
  account: (id: string) => `/accounts/${segment(id)}`,
  editAccount: (id: string) => `/accounts/${segment(id)}/edit`,
  newContact: (accountId: string) => `/accounts/${segment(accountId)}/contacts/new`,
  editContact: (id: string) => `/contacts/${segment(id)}/edit`,
};
