// THROWAWAY (build check only) — to be deleted.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Button } from "@fluentui/react-components";

function App() {
  const [n, setN] = React.useState(0);
  const load = async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const docx = await import("docx");
    setN(wb.worksheets.length + Object.keys(docx).length);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <Button onClick={load}>绩效自评 {n}</Button>
    </FluentProvider>
  );
}

Office.onReady(() => {
  createRoot(document.getElementById("container")!).render(<App />);
});
