/** Legal forms dropped before comparing company names ("Müller GmbH" = "Mueller"). */
const LEGAL_FORMS = [
  'gmbh & co. kg', 'gmbh & co kg', 'gmbh', 'ag', 'kg', 'ohg', 'gbr', 'ug (haftungsbeschränkt)', 'ug', 'e.k.', 'ek',
  'e.v.', 'ev', 'se', 'kgaa', 'mbh', 'ltd', 'ltd.', 'limited', 'inc', 'inc.', 'llc', 'ab', 'aps', 'as', 'oy', 'bv', 'nv', 'sa', 'sarl', 'srl', 'co', 'co.',
];

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', å: 'a', é: 'e', è: 'e' };

/**
 * The key two company names share when a person would call them the same company:
 * case, umlaut spelling, punctuation, spacing and the legal form do not matter.
 */
export function normalizeCompanyName(name: string): string {
  let text = foldLetters(name);
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (text.endsWith(` ${form}`)) {
        text = text.slice(0, -form.length - 1).trim();
        changed = true;
      }
    }
  }
  return text.replace(/[^a-z0-9]+/g, '');
}

function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[äöüßåéè]/g, (letter) => UMLAUTS[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normalizePersonName(firstName: string, lastName: string): string {
  return foldLetters(`${firstName} ${lastName}`).replace(/[^a-z0-9]+/g, '');
}
