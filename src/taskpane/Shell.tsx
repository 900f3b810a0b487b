// Fluent theme + the last-resort error boundary around every page state. Its own module: the start-up spinner
// needs only this, not the pane (App.tsx), which index.tsx loads as a chunk of its own.
import { FluentProvider, makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { paneTheme } from "./theme";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
});

const useGlobalStyles = makeStaticStyles({ body: { margin: 0 } });

/** Fluent theme + the last-resort error boundary: wraps every page state. */
export function Shell({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const styles = useStyles();
  return (
    <FluentProvider theme={paneTheme} className={styles.provider} lang="zh-CN">
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}
