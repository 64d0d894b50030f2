import { parse } from 'csv-parse/sync';
import { normalizeDate, splitEmails, type ImportRecord, type ParsedFile, type RowProblem } from './record.js';

/** The fields a column can fill. Several columns may fill the same field (emails, name parts). */
type Field = 'client' | 'contact' | 'first' | 'middle' | 'last' | 'role' | 'email' | 'phone' | 'birthday' | 'anniversary' | 'tier' | 'owner' | 'notes';

/**
 * Header names Rapport reads, folded (lower case, letters and digits only), and the field each fills:
 * Rapport's own names first, then what Google Contacts and Outlook write. docs/import.md lists them.
 */
export const COLUMN_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  client: ['client', 'company', 'companyname', 'organization', 'organisation', 'organizationname', 'organization1name', 'account', 'accountname'],
  contact: ['contact', 'contactname', 'name', 'fullname', 'displayname'],
  first: ['firstname', 'givenname'],
  middle: ['middlename', 'additionalname'],
  last: ['lastname', 'familyname', 'surname'],
  role: ['role', 'jobtitle', 'organizationtitle', 'organization1title'],
  email: ['email', 'emailaddress', 'email1value', 'email2value', 'email3value', 'email2address', 'email3address', 'workemail', 'homeemail'],
  phone: ['phone', 'phonenumber', 'telephone', 'mobile', 'mobilephone', 'businessphone', 'homephone', 'phone1value', 'phone2value', 'primaryphone'],
  birthday: ['birthday', 'birthdate', 'dateofbirth', 'dob'],
  anniversary: ['anniversary', 'weddinganniversary'],
  tier: ['tier'],
  owner: ['owner', 'accountowner'],
  notes: ['notes', 'note', 'comments'],
};

const FIELD_OF = new Map<string, Field>(Object.entries(COLUMN_SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field as Field] as const)));

/** Columns that describe another column ("E-mail 1 - Type": "* Work"), read as part of it, never reported. */
const COMPANION = /^(email|phone|address|organization|website|relation|event|im|customfield)\d*(type|label)$/;

export const foldHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads a CSV export. Throws when the text is not CSV at all (an unclosed quote, binary data). */
export function parseCsv(text: string): ParsedFile {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { bytes: number } }[];
  const lineOf = lineNumbers(text);
  const [head, ...body] = rows;
  if (head === undefined) return { format: 'csv', records: [], problems: [], unknownColumns: [] };
  const fields = head.record.map((h) => FIELD_OF.get(foldHeader(h)));
  if (!fields.some((f) => f === 'client' || f === 'contact' || f === 'first' || f === 'last')) {
    throw new Error(`no column names a client or a person (looked for Company, Organization, Name, First Name…); the header was: ${head.record.slice(0, 6).join(', ')}`);
  }
  const unknown = new Set<string>();
  const records: ImportRecord[] = [];
  const problems: RowProblem[] = [];
  let end = head.info.bytes;
  for (const { record, info } of body) {
    // A row starts where the one before it ended (info.bytes), past line breaks and blank lines.
    const line = lineOf(end);
    end = info.bytes;
    const values: Partial<Record<Field, string[]>> = {};
    record.forEach((cell, i) => {
      const value = cell.trim();
      if (value === '') return;
      const field = fields[i];
      const header = head.record[i] ?? `column ${i + 1}`;
      if (field === undefined) {
        if (!COMPANION.test(foldHeader(header))) unknown.add(header);
        return;
      }
      (values[field] ??= []).push(value);
    });
    const one = (f: Field) => values[f]?.[0];
    const person = one('contact') ?? ([one('first'), one('middle'), one('last')].filter(Boolean).join(' ') || undefined);
    const client = one('client') ?? person;
    if (client === undefined) {
      if (record.every((c) => c.trim() === '')) continue;
      problems.push({ line, reason: 'no name and no company: nothing to call the client' });
      continue;
    }
    const birthday = normalizeDate(one('birthday'));
    const anniversary = normalizeDate(one('anniversary'));
    records.push({
      line,
      client,
      ...(person !== undefined ? { contact: person } : {}),
      ...(one('role') !== undefined ? { role: one('role')! } : {}),
      emails: [...new Set((values.email ?? []).flatMap(splitEmails))],
      ...(one('phone') !== undefined ? { phone: one('phone')!.split(/\s*:::\s*/)[0]! } : {}),
      ...(birthday !== undefined ? { birthday } : {}),
      ...(anniversary !== undefined ? { anniversary } : {}),
      ...(one('tier') !== undefined ? { tier: one('tier')!.toLowerCase() } : {}),
      ...(one('owner') !== undefined ? { owner: one('owner')!.replace(/^@/, '') } : {}),
      ...(values.notes !== undefined ? { notes: values.notes.join('\n') } : {}),
    });
  }
  return { format: 'csv', records, problems, unknownColumns: [...unknown] };
}

/**
 * The line a row starting at this byte offset is on (csv-parse's own line count miscounts CRLF
 * inside quotes). Offsets only grow, so the count carries on from the last call.
 */
function lineNumbers(text: string): (offset: number) => number {
  const bytes = Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8');
  const bom = text.startsWith('\uFEFF') ? 3 : 0;
  let counted = 0;
  let line = 1;
  return (offset) => {
    let at = Math.max(0, offset - bom);
    while (at < bytes.length && (bytes[at] === 0x0d || bytes[at] === 0x0a)) at += 1;
    for (; counted < at; counted += 1) if (bytes[counted] === 0x0a) line += 1;
    return line;
  };
}
