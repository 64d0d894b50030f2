// The few calls of better-sqlite3 (a dependency of the Prisma SQLite adapter) that the bulk
// generator, the benches and the statement-cache test make: the package ships no types and @types/better-sqlite3 is not installed.
declare module 'better-sqlite3' {
  interface Statement {
    readonly reader: boolean;
    run(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
    columns(): { name: string }[];
    raw(toggle?: boolean): Statement;
  }
  class Database {
    constructor(file: string, options?: { timeout?: number; readonly?: boolean });
    prepare(sql: string): Statement;
    defaultSafeIntegers(toggle?: boolean): this;
    pragma(source: string): unknown;
    exec(sql: string): void;
    transaction(fn: () => void): () => void;
    close(): void;
  }
  export default Database;
}
