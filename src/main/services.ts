/**
 * How modules share live services (the active KIS session, the store, the order service…) without knowing
 * each other's files: a module `provide`s under a typed key it exports; another `use`s it at call time.
 * Keys are created once per service with `serviceKey<T>(name)`, so the value's type travels with the key.
 */
export interface ServiceKey<T> {
  readonly name: string;
  /** Phantom field: carries T; never set. */
  readonly __type?: T;
}

export const serviceKey = <T>(name: string): ServiceKey<T> => ({ name });

export interface ServiceRegistry {
  provide<T>(key: ServiceKey<T>, value: T): void;
  /** The service, or undefined if no module provides it (yet). */
  use<T>(key: ServiceKey<T>): T | undefined;
  /** The service; throws a clear error if missing — for code that cannot work without it. */
  require<T>(key: ServiceKey<T>): T;
}

export function createServiceRegistry(): ServiceRegistry {
  const values = new Map<string, unknown>();
  return {
    provide(key, value) {
      if (values.has(key.name)) throw new Error(`service "${key.name}" is provided twice`);
      values.set(key.name, value);
    },
    use: <T>(key: ServiceKey<T>) => values.get(key.name) as T | undefined,
    require<T>(key: ServiceKey<T>): T {
      if (!values.has(key.name)) throw new Error(`service "${key.name}" is not available`);
      return values.get(key.name) as T;
    },
  };
}
