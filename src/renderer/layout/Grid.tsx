/**
 * The resizable panel grid: CSS grid areas with weighted tracks, and drag handles wherever two panels meet.
 * Sizes persist in settings.layout when a drag ends (one settings:set per drag, not per pixel).
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import { api } from '../api/current';
import { useT } from '../i18n';
import { useSettings } from '../stores/settings';
import { dragBoundary, fromLayout, splitterRect, splitters, toLayout, trackPixels, type GridSpec, type Splitter } from './geometry';

const GAP = 6;

export function Grid({ spec, children }: { spec: GridSpec; children: ReactNode }) {
  const t = useT();
  const layout = useSettings((s) => s.settings?.layout);
  const saved = useMemo(() => fromLayout(layout, spec), [layout, spec]);
  const [weights, setWeights] = useState(saved);
  const dragging = useRef(false);
  useEffect(() => {
    if (!dragging.current) setWeights(saved);
  }, [saved]);

  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const handles = useMemo(() => splitters(spec.areas), [spec.areas]);
  const colPx = trackPixels(weights.cols, size.width, GAP);
  const rowPx = trackPixels(weights.rows, size.height, GAP);

  const startDrag = (s: Splitter, e: ReactPointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const start = s.axis === 'col' ? e.clientX : e.clientY;
    const base = weights;
    const total = s.axis === 'col' ? size.width : size.height;
    dragging.current = true;
    let latest = base;
    const move = (ev: PointerEvent) => {
      const delta = (s.axis === 'col' ? ev.clientX : ev.clientY) - start;
      latest = s.axis === 'col' ? { ...base, cols: dragBoundary(base.cols, s.index, delta, total, GAP) } : { ...base, rows: dragBoundary(base.rows, s.index, delta, total, GAP) };
      setWeights(latest);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      dragging.current = false;
      void api()?.call('settings:set', { patch: { layout: toLayout(latest.cols, latest.rows) } });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const template = {
    gridTemplateColumns: weights.cols.map((w) => `minmax(0, ${w}fr)`).join(' '),
    gridTemplateRows: weights.rows.map((w) => `minmax(0, ${w}fr)`).join(' '),
    gridTemplateAreas: spec.areas.map((row) => `'${row.join(' ')}'`).join(' '),
    gap: `${GAP}px`,
  };

  return (
    <div className="grid-wrap">
      <div className="grid" ref={box} style={template}>
        {children}
      </div>
      {size.width > 0 &&
        handles.map((s) => {
          const r = splitterRect(s, colPx, rowPx, GAP);
          return (
            <div
              key={`${s.axis}${s.index}-${s.from}`}
              className={`splitter splitter-${s.axis}`}
              role="separator"
              aria-orientation={s.axis === 'col' ? 'vertical' : 'horizontal'}
              aria-label={t('layout.resize')}
              data-testid={`splitter-${s.axis}${s.index}-${s.from}`}
              style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
              onPointerDown={(e) => startDrag(s, e)}
            />
          );
        })}
    </div>
  );
}
