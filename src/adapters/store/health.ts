// The database's answer for /healthz: a trivial query, bounded in time, so a database that hangs
// reports as down instead of holding the health check open.
import type { Db } from './database.js';

export function databaseAnswers(db: Pick<Db, '$queryRawUnsafe'>, timeoutMs = 2_000): () => Promise<boolean> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([db.$queryRawUnsafe('SELECT 1').then(() => true, () => false), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
