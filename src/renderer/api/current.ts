/**
 * The screen's one ScreenApi, set once when the app binds (App.tsx) so store actions (submit, cancel, search)
 * can call main without threading it through every component. Tests set their own.
 */
import type { ScreenApi } from './types';

let current: ScreenApi | null = null;

export function setScreenApi(api: ScreenApi | null): void {
  current = api;
}

export function api(): ScreenApi | null {
  return current;
}
