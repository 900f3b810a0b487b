// One place for "what the pane is doing" (a Spinner label) and "what the user must know" (the MessageBar).
// Every action runs through run(): the spinner shows, a thrown error becomes a notice, the pane stays usable.
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { describeError, type Notice, type NoticeSpot } from "../services/errors";

export interface StatusApi {
  /** What the pane is doing, e.g. 正在检查…; null when idle. */
  busy: string | null;
  notice: Notice | null;
  setNotice(notice: Notice | null): void;
  /** Runs `work` with a spinner (none when `quiet`: background reads that must not block the buttons); an error
   *  becomes the notice (shown `at` the action's place) and the result is undefined. */
  run<T>(
    label: string,
    work: () => Promise<T>,
    options?: { quiet?: boolean; at?: NoticeSpot }
  ): Promise<T | undefined>;
}

const StatusContext = createContext<StatusApi | null>(null);

/** `web`: the page outside Office (its error messages give no advice about the add-in). */
export function StatusProvider({ children, web = false }: { children: ReactNode; web?: boolean }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const running = useRef(0);

  const run = useCallback(
    async <T,>(
      label: string,
      work: () => Promise<T>,
      options: { quiet?: boolean; at?: NoticeSpot } = {}
    ): Promise<T | undefined> => {
      const quiet = options.quiet === true;
      if (!quiet) {
        running.current += 1;
        setBusy(label);
        setNotice((n) => (n?.intent === "error" ? null : n));
      }
      try {
        return await work();
      } catch (e) {
        setNotice({ ...describeError(e, { web }), ...(options.at ? { at: options.at } : {}) });
        return undefined;
      } finally {
        if (!quiet) {
          running.current -= 1;
          if (running.current === 0) setBusy(null);
        }
      }
    },
    [web]
  );

  const api = useMemo(() => ({ busy, notice, setNotice, run }), [busy, notice, run]);
  return <StatusContext.Provider value={api}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusApi {
  const s = useContext(StatusContext);
  if (!s) throw new Error("缺少 StatusProvider");
  return s;
}
