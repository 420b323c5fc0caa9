import type { Role } from '../generated/prisma/client.ts';

/** The authenticated user a request acts for. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamIds: string[];
  /** API tokens can be narrowed to read-only; sessions never are. */
  readOnly: boolean;
  via: 'session' | 'apiToken';
  /** The session or API token id, so logout can end exactly this session. */
  credentialId: string;
  /** When the credential stops working (null: an API token without expiry). */
  expiresAt: Date | null;
}
