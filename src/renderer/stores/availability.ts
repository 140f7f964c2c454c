/**
 * Why a part of the screen has nothing to show: the snapshot call of its domain failed (module not running,
 * environment not started…). Panels show this message instead of an endless "loading".
 */
import { create } from 'zustand';

export type Domain = 'market' | 'orders' | 'fills' | 'notifications' | 'equity' | 'positions';

type Problems = Partial<Record<Domain, { ko: string; en: string }>>;

export const useAvailability = create<{ problems: Problems }>(() => ({ problems: {} }));

export function reportProblem(domain: Domain, r: { message: string; messageEn?: string } | null): void {
  useAvailability.setState((s) => {
    const problems = { ...s.problems };
    if (r) problems[domain] = { ko: r.message, en: r.messageEn ?? r.message };
    else delete problems[domain];
    return { problems };
  });
}
