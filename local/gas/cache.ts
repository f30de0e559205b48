// CacheService: document, user and script caches. Values are strings up to 100 KB, keys up to 250
// characters; entries expire after their time to live (default 600 s, at most 6 hours) on the stand-in clock.
import type { StandInContext } from './context';
import { counted } from './counter';

type GasCache = GoogleAppsScript.Cache.Cache;
type GasCacheService = GoogleAppsScript.Cache.CacheService;

const DEFAULT_TTL = 600;
const MAX_TTL = 21600;
const MAX_VALUE_BYTES = 100 * 1024;
const MAX_KEY_LENGTH = 250;

export type CacheStore = Map<string, { value: string; expiresAt: number }>;

const CACHE_METHODS = ['get', 'getAll', 'put', 'putAll', 'remove', 'removeAll'] as const;

export class StandInCache implements Pick<GasCache, (typeof CACHE_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly store: CacheStore,
  ) {}

  private live(key: string): string | null {
    const entry = this.store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.ctx.now().getTime()) {
      this.store.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(key: string, value: unknown, ttl: number | undefined): void {
    if (String(key).length > MAX_KEY_LENGTH) throw this.ctx.error('Argument too large: key');
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw this.ctx.error('Argument too large: value');
    const seconds = Math.min(Math.max(ttl ?? DEFAULT_TTL, 1), MAX_TTL);
    this.store.set(String(key), { value: v, expiresAt: this.ctx.now().getTime() + seconds * 1000 });
  }

  get(key: string): string | null {
    return this.live(String(key));
  }

  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const v = this.live(String(key));
      if (v !== null) out[key] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.write(key, value, expirationInSeconds);
  }

  putAll(values: { [key: string]: unknown }, expirationInSeconds?: number): void {
    for (const [key, value] of Object.entries(values)) this.write(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.store.delete(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.store.delete(String(key));
  }
}

export interface CacheStores {
  document: CacheStore;
  user: CacheStore;
  script: CacheStore;
}

const SERVICE_METHODS = ['getDocumentCache', 'getScriptCache', 'getUserCache'] as const;

export class StandInCacheService implements Pick<GasCacheService, (typeof SERVICE_METHODS)[number]> {
  constructor(
    readonly ctx: StandInContext,
    private readonly stores: CacheStores,
  ) {}

  getDocumentCache(): GasCache {
    return new StandInCache(this.ctx, this.stores.document) as unknown as GasCache;
  }

  getUserCache(): GasCache {
    return new StandInCache(this.ctx, this.stores.user) as unknown as GasCache;
  }

  getScriptCache(): GasCache {
    return new StandInCache(this.ctx, this.stores.script) as unknown as GasCache;
  }
}

counted(StandInCache, 'Cache', 'Cache', CACHE_METHODS);
counted(StandInCacheService, 'CacheService', 'Cache', SERVICE_METHODS);
