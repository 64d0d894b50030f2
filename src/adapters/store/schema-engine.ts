// Prisma's schema engine, compiled to WebAssembly, driven through the same driver adapters as the app.
// The Rust engine binary cannot be downloaded on our machines (see docs in the team notes), and the
// package's own entry point uses a bundler-style `.wasm` import that plain Node rejects, so the module
// is instantiated here by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import { baselineWebAssemblyOnly } from './database.js';

export type { SchemaEngine };

let loaded = false;

// The project compiles without the DOM lib, whose types declare WebAssembly; the few calls used here.
interface WasmModuleCtor {
  new (bytes: Uint8Array): object;
  imports(module: object): { module: string; name: string }[];
}
interface WasmGlobal {
  readonly Module: WasmModuleCtor;
  readonly Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

/** Instantiates the wasm module once per process. */
function loadWasm(): void {
  if (loaded) return;
  baselineWebAssemblyOnly();
  const require = createRequire(import.meta.url);
  const wasmPath = join(dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const module = new wasmApi.Module(readFileSync(wasmPath));
  const exported = bg as unknown as Record<string, unknown>;
  const imports: Record<string, Record<string, unknown>> = {};
  for (const { module: from, name } of wasmApi.Module.imports(module)) {
    const value = exported[name];
    if (value === undefined) throw new Error(`schema engine wasm import ${from}.${name} is not exported by schema_engine_bg`);
    (imports[from] ??= {})[name] = value;
  }
  const instance = new wasmApi.Instance(module, imports);
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

/**
 * better-sqlite3 refuses several statements in one prepared query, and the engine replays whole
 * migration scripts on the shadow database through `executeRaw` without arguments: send those
 * through `executeScript` instead.
 */
export function scriptAwareSqlite(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === 'executeRaw') {
        return async (query: SqlQuery): Promise<number> => {
          if (query.args.length > 0) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface EngineOptions {
  /** [path, text] of each Prisma schema file; the path only names it in messages. */
  readonly datamodels: readonly (readonly [string, string])[];
  readonly factory: SqlMigrationAwareDriverAdapterFactory;
  /** Replaces the factory's own shadow database (PGlite for PostgreSQL). */
  readonly shadow?: () => Promise<SqlDriverAdapter>;
  readonly log?: (line: string) => void;
}

/**
 * Runs fn with a schema engine, then disposes every adapter the engine opened and frees it:
 * an undisposed SQLite adapter keeps the file locked and the app's own client then times out.
 */
export async function withSchemaEngine<T>(options: EngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const { factory } = options;
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = options.shadow ? await options.shadow() : await factory.connectToShadowDb();
      opened.push(adapter);
      return factory.provider === 'sqlite' ? scriptAwareSqlite(adapter) : adapter;
    },
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracking);
  const log = options.log ?? (() => undefined);
  const engine = await bg.SchemaEngine.new(
    { datamodels: options.datamodels.map(([path, text]) => [path, text]) },
    (line: string) => log(line),
    bound,
  );
  try {
    return await fn(engine);
  } catch (error) {
    throw explain(error, bound.errorRegistry);
  } finally {
    for (const adapter of opened) await adapter.dispose().catch(() => undefined);
    engine.free();
  }
}

/** The engine reports driver errors as "External error id#N"; the real one waits in the registry. */
function explain(error: unknown, registry: { consumeError(id: number): { error: unknown } | undefined }): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === undefined ? undefined : registry.consumeError(Number(id));
  if (record === undefined) return error;
  const inner = record.error instanceof Error ? record.error.message : JSON.stringify(record.error);
  return new Error(`${message}: ${inner}`, { cause: record.error });
}
