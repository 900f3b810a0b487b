// 实时检查: re-check (debounced) when the user edits the workbook, while the switch is on.
import { useEffect, useRef } from "react";
import { useHost } from "../context";

export const LIVE_CHECK_DELAY_MS = 800;

export function useLiveCheck(
  enabled: boolean,
  recheck: () => void,
  delayMs = LIVE_CHECK_DELAY_MS
): void {
  const host = useHost();
  // the timer calls the latest recheck without re-subscribing when it changes
  const latest = useRef(recheck);
  useEffect(() => {
    latest.current = recheck;
  });

  useEffect(() => {
    if (!enabled || !host.onChanged) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let live = true;
    void host
      .onChanged(() => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => latest.current(), delayMs);
      })
      .then((off) => {
        if (live) unsubscribe = off;
        else off();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [enabled, host, delayMs]);
}
