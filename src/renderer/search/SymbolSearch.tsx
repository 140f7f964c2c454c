/**
 * Symbol search (Ctrl+K): Korean name, English name or code, fuzzy, from symbols:search. ↑/↓ move through the
 * results, Enter picks (the first result if none is highlighted), Escape leaves. Picking focuses the symbol and
 * hands the keyboard back to the screen so F1/F2 work at once.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { InstrumentView } from '../../shared/ipc/domains/market';
import { api } from '../api/current';
import { useLocale, useT } from '../i18n';
import { focusSymbol } from '../market/focus';
import { rememberInstruments } from '../stores/market';
import { useUi } from '../stores/ui';

const LIMIT = 12;

export function SymbolSearch() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<InstrumentView[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusRequest = useUi((s) => s.focusSearch);
  const seq = useRef(0);

  useEffect(() => {
    if (focusRequest > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [focusRequest]);

  // The search for the current text, so Enter typed before the answer still picks from it.
  const latest = useRef<{ q: string; answer: Promise<InstrumentView[]> } | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      latest.current = null;
      setResults([]);
      setProblem(null);
      return;
    }
    const mine = ++seq.current;
    const client = api();
    if (!client) return;
    const answer = client.call('symbols:search', { query: q.slice(0, 50), limit: LIMIT }).then((r) => {
      if (mine !== seq.current) return r.ok ? r.value : [];
      if (r.ok) {
        setResults(r.value);
        setActive(0);
        setProblem(null);
        rememberInstruments(r.value);
        return r.value;
      }
      setResults([]);
      setProblem(locale === 'en' ? (r.messageEn ?? r.message) : r.message);
      return [];
    });
    latest.current = { q, answer };
  }, [query, locale]);

  const pick = (i: InstrumentView | undefined) => {
    if (!i) return;
    void focusSymbol(i);
    setOpen(false);
    setQuery('');
    setResults([]);
    input.current?.blur();
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // The IME is still composing a Hangul syllable: Enter/arrows belong to it.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pending = latest.current;
      if (pending && pending.q === query.trim()) void pending.answer.then((list) => pick(list === results ? list[active] : list[0]));
      else pick(results[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setQuery('');
      input.current?.blur();
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search" role="combobox" aria-expanded={showList} aria-haspopup="listbox" aria-owns="symbol-results">
      <input
        ref={input}
        className="input search-input"
        data-testid="symbol-search"
        data-own-keys="ArrowUp,ArrowDown,Enter,Escape,Delete"
        aria-label={t('search.label')}
        aria-autocomplete="list"
        aria-controls="symbol-results"
        aria-activedescendant={showList && results[active] ? `sym-${results[active].symbol}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        // Close a moment after leaving (a click on a result lands first), unless the box has focus again by then:
        // a pick followed at once by Ctrl+K must not have its new list closed by the old blur.
        onBlur={() => setTimeout(() => document.activeElement !== input.current && setOpen(false), 150)}
        onKeyDown={onKey}
      />
      {showList && (
        <ul className="search-results" id="symbol-results" role="listbox" data-testid="symbol-results">
          {problem && <li className="search-problem">{problem}</li>}
          {!problem && results.length === 0 && <li className="muted search-none">{t('search.none')}</li>}
          {results.map((r, i) => (
            <li
              key={r.symbol}
              id={`sym-${r.symbol}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(r)}
            >
              <span className="sr-name">{locale === 'en' ? r.nameEn : r.name}</span>
              <span className="sr-code">{r.symbol}</span>
              <span className="sr-sub">{locale === 'en' ? r.name : r.nameEn}</span>
              <span className="sr-market">
                {r.market}
                {r.nxtEligible ? ' · NXT' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
