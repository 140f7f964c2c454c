/** A minimal typed event emitter. A throwing listener is reported, never allowed to break the socket loop. */

export type Listener<A> = (arg: A) => void;

export class TypedEmitter<E extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (event: keyof E, err: unknown) => void) {}

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof E>(event: K, fn: Listener<E[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(fn as Listener<never>);
    return () => set.delete(fn as Listener<never>);
  }

  emit<K extends keyof E>(event: K, arg: E[K]): void {
    const set = this.listeners.get(event);
    if (!set || set.size === 0) return;
    for (const fn of set) {
      try {
        (fn as Listener<E[K]>)(arg);
      } catch (err) {
        this.onListenerError(event, err);
      }
    }
  }

  removeAll(): void {
    this.listeners.clear();
  }
}
