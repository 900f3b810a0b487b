// The WorkbookHost the pane talks to, passed down by React context: Excel (Office.js) inside Excel, a file
// host on the web page, a fake over Grids in tests. Components never reach for Excel.* themselves.
import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookHost } from "../core/host";

const HostContext = createContext<WorkbookHost | null>(null);

export function HostProvider({ host, children }: { host: WorkbookHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): WorkbookHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("缺少工作簿连接（HostProvider）");
  return host;
}
