/** One contact read from a file, before it reaches the core: what a row or a card says, and where. */
export interface ImportRecord {
  /** The line of the file the row or card starts on, for reports. */
  readonly line: number;
  /** The client: the organisation when there is one, else the person. */
  readonly client: string;
  /** The person at the client; absent when the row only names an organisation. */
  readonly contact?: string;
  readonly role?: string;
  readonly emails: readonly string[];
  readonly phone?: string;
  /** Dates as the file wrote them, turned into text the core's date reader takes ("March 14", 1980-03-14). */
  readonly birthday?: string;
  readonly anniversary?: string;
  readonly tier?: string;
  readonly owner?: string;
  readonly notes?: string;
}

/** A row or card that could not become a record: its line and why. */
export interface RowProblem {
  readonly line: number;
  readonly reason: string;
}

/** What reading a whole file gives: the records, the rows refused while reading, and columns ignored. */
export interface ParsedFile {
  readonly format: 'csv' | 'vcard';
  readonly records: readonly ImportRecord[];
  readonly problems: readonly RowProblem[];
  /** Columns whose header Rapport does not read and that hold data in at least one row. */
  readonly unknownColumns: readonly string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Turns the date shapes exports write into text the core's date reader takes unambiguously:
 * 1980-03-14 / 19800314 stay a full date, --03-14 / --0314 (vCard without a year) becomes "March 14",
 * Outlook's 3/14/1980 is read month first; anything else is handed over as written. Empty and
 * Outlook's "0/0/00" placeholder mean no date.
 */
export function normalizeDate(raw: string | undefined, options: { readonly omitYear?: string } = {}): string | undefined {
  const text = (raw ?? '').trim();
  if (text === '' || /^0?0\/0?0\/0{2,4}$/.test(text)) return undefined;
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(text);
  if (full) {
    const [, year, month, day] = full;
    if (options.omitYear !== undefined && year === options.omitYear) return monthDay(Number(month), Number(day)) ?? text;
    return `${year}-${month}-${day}`;
  }
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (noYear) return monthDay(Number(noYear[1]), Number(noYear[2])) ?? text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return text;
}

function monthDay(month: number, day: number): string | undefined {
  const name = MONTHS[month - 1];
  return name === undefined ? undefined : `${name} ${day}`;
}

/** Splits a cell that holds several addresses (Google writes "a@x ::: b@y"). */
export function splitEmails(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/\s*(?::::|;|,)\s*/)
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '');
}
