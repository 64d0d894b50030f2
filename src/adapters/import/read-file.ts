import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseCsv } from './csv.js';
import type { ParsedFile } from './record.js';
import { parseVcard } from './vcard.js';

export type ReadOutcome = { readonly ok: true; readonly file: ParsedFile } | { readonly ok: false; readonly message: string };

/** Reads and parses a CSV or vCard file (by extension, else by its first line); a file that cannot be read at all is one message. */
export async function readImportFile(path: string): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const ext = extname(path).toLowerCase();
  const vcard = ext === '.vcf' || ext === '.vcard' || (ext !== '.csv' && /^\uFEFF?\s*BEGIN:VCARD/i.test(text));
  try {
    return { ok: true, file: vcard ? parseVcard(text) : parseCsv(text) };
  } catch (error) {
    return { ok: false, message: `Cannot read ${path} as ${vcard ? 'vCard' : 'CSV'}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}
