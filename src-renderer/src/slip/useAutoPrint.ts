import { useEffect, useRef } from 'react';
import type { SlipContent } from './slip-content';
import { useSlipStore } from './store';

/** Prints once per visit when the administrator turned auto-print on (right after a registration). */
export function useAutoPrint(key: string | undefined, content: SlipContent | undefined): void {
  const autoPrint = useSlipStore((s) => s.settings?.autoPrint ?? false);
  const print = useSlipStore((s) => s.print);
  const printed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!autoPrint || !key || !content || printed.current === key) return;
    printed.current = key;
    void print(content);
  }, [autoPrint, key, content, print]);
}
