/** A value that follows its source at most every `ms` (the chart need not redraw per frame while ticks stream). */
import { useEffect, useRef, useState } from 'react';

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const now = performance.now();
    const wait = lastAt.current + ms - now;
    if (wait <= 0) {
      lastAt.current = now;
      setShown(value);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      lastAt.current = performance.now();
      timer.current = null;
      setShown(value);
    }, wait);
  }, [value, ms]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return shown;
}
