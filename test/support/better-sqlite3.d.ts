// The few calls of better-sqlite3 (a dependency of the Prisma SQLite adapter) that the bulk
// generator and the benches make: the package ships no types and @types/better-sqlite3 is not installed.
declare module 'better-sqlite3' {
  interface Statement {
    run(params: readonly unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  }
  class Database {
    constructor(file: string, options?: { timeout?: number; readonly?: boolean });
    prepare(sql: string): Statement;
    pragma(source: string): unknown;
    exec(sql: string): void;
    transaction(fn: () => void): () => void;
    close(): void;
  }
  export default Database;
}
