import ICAL from 'ical.js';
import { normalizeDate, splitEmails, type ImportRecord, type ParsedFile, type RowProblem } from './record.js';

type JCalProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];

/**
 * Reads a vCard 3 or 4 file (Apple Contacts, Google, Outlook). Each card is parsed on its own so one
 * broken card is reported by the line it starts on and the others still come through. Throws when
 * the file holds no card at all.
 */
export function parseVcard(text: string): ParsedFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cards: { line: number; text: string }[] = [];
  let current: { line: number; body: string[] } | null = null;
  lines.forEach((raw, i) => {
    if (/^BEGIN:VCARD\s*$/i.test(raw)) current = { line: i + 1, body: [] };
    if (current === null) return;
    current.body.push(raw);
    if (/^END:VCARD\s*$/i.test(raw)) {
      cards.push({ line: current.line, text: current.body.join('\r\n') });
      current = null;
    }
  });
  if (cards.length === 0) throw new Error('no BEGIN:VCARD … END:VCARD card in the file');
  const records: ImportRecord[] = [];
  const problems: RowProblem[] = [];
  for (const card of cards) {
    try {
      const record = readCard(card.line, card.text);
      if (typeof record === 'string') problems.push({ line: card.line, reason: record });
      else records.push(record);
    } catch (error) {
      problems.push({ line: card.line, reason: `the card cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  // A card left open at the end of the file is a row that cannot be read, not a reason to drop the others.
  if (current !== null) problems.push({ line: (current as { line: number }).line, reason: 'the card has no END:VCARD' });
  return { format: 'vcard', records, problems, unknownColumns: [] };
}

function readCard(line: number, text: string): ImportRecord | string {
  const parsed = ICAL.parse(text) as unknown as [string, JCalProperty[], unknown[]];
  const props = parsed[1];
  const all = (name: string) => props.filter((p) => p[0] === name);
  const first = (name: string) => all(name)[0];
  const str = (value: unknown): string => (Array.isArray(value) ? value.map(str).filter((v) => v !== '').join(' ') : typeof value === 'string' ? value.trim() : '');
  const fn = str(first('fn')?.[3]);
  const n = first('n')?.[3];
  // N is family;given;additional;prefix;suffix.
  const fromN = Array.isArray(n) ? [n[3], n[1], n[2], n[0], n[4]].map(str).filter((v) => v !== '').join(' ') : '';
  const person = fn || fromN || undefined;
  const org = Array.isArray(first('org')?.[3]) ? str((first('org')![3] as unknown[])[0]) : str(first('org')?.[3]);
  const client = org || person;
  if (client === undefined) return 'the card has no FN, N or ORG: nothing to call the client';
  const emails = [...new Set(all('email').flatMap((p) => p.slice(3).flatMap((v) => splitEmails(str(v)))))];
  const tel = str(first('tel')?.[3]).replace(/^tel:/i, '');
  const bday = first('bday');
  const birthday = normalizeDate(str(bday?.[3]), omitYear(bday));
  const anniversaryProp = first('anniversary') ?? appleAnniversary(props);
  const anniversary = normalizeDate(str(anniversaryProp?.[3]), omitYear(anniversaryProp));
  const title = str(first('title')?.[3]) || str(first('role')?.[3]);
  const note = str(first('note')?.[3]);
  return {
    line,
    client,
    ...(person !== undefined ? { contact: person } : {}),
    ...(title !== '' ? { role: title } : {}),
    emails,
    ...(tel !== '' ? { phone: tel } : {}),
    ...(birthday !== undefined ? { birthday } : {}),
    ...(anniversary !== undefined ? { anniversary } : {}),
    ...(note !== '' ? { notes: note } : {}),
  };
}

/** Apple writes a year it does not know as 1604 and says so in X-APPLE-OMIT-YEAR. */
function omitYear(prop: JCalProperty | undefined): { omitYear?: string } {
  const year = prop?.[1]['x-apple-omit-year'];
  return typeof year === 'string' ? { omitYear: year } : {};
}

/** Apple Contacts (vCard 3) keeps an anniversary as a grouped X-ABDATE labelled _$!<Anniversary>!$_. */
function appleAnniversary(props: readonly JCalProperty[]): JCalProperty | undefined {
  const labelled = props.find((p) => p[0] === 'x-ablabel' && /anniversary/i.test(String(p[3])));
  const group = labelled?.[1]['group'];
  return group === undefined ? undefined : props.find((p) => p[0] === 'x-abdate' && p[1]['group'] === group);
}
