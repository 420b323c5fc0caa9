import type { DocumentKind } from './billing-labels.ts';

const segment = (id: string) => encodeURIComponent(id);
const BASE: Record<DocumentKind, string> = { QUOTE: '/quotes', ORDER: '/orders', INVOICE: '/invoices' };

export const documentPaths = {
  list: (kind: DocumentKind) => BASE[kind],
  detail: (kind: DocumentKind, id: string) => `${BASE[kind]}/${segment(id)}`,
  edit: (kind: DocumentKind, id: string) => `${BASE[kind]}/${segment(id)}/edit`,
  print: (kind: DocumentKind, id: string) => `${BASE[kind]}/${segment(id)}/print`,
  /** A new document; `from` names what it is made of: opportunityId, accountId, quoteId, orderId or correctsInvoiceId. */
  create: (kind: DocumentKind, from: Record<string, string> = {}) => {
    const query = new URLSearchParams(from).toString();
    return `${BASE[kind]}/new${query ? `?${query}` : ''}`;
  },
  opportunity: (id: string) => `/opportunities/${segment(id)}`,
  campaign: (id: string) => `/campaigns/${segment(id)}`,
};

/** Base64 from the API to a file download in the browser. */
export function downloadBase64(file: { fileName: string; contentType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
