// Lists of ids go to the database in slices: SQLite (through better-sqlite3) refuses statements
// with more than 999 bound values, and PostgreSQL's wire protocol stops at 65,535. Every `IN (...)`
// over a set that grows with the workspace goes through here, so none ever sends one parameter
// per client in a single statement.

/** Well under every driver's bound-parameter limit, with room for the other conditions. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs fn on each slice of ids, one after another, and concatenates the rows. */
export async function inChunks<T, R>(items: readonly T[], fn: (slice: T[]) => Promise<readonly R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const slice of chunks(items)) out.push(...(await fn(slice)));
  return out;
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
