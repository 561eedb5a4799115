import { createRoot } from "react-dom/client";
import { loadFunctionMetadata } from "../host/functionMetadata";
import { customFunctionsAvailable, insertIntoSelectedCell } from "../host/formulaInsert";
import { readHostInfo, type ReadyInfo } from "../host/hostInfo";
import {
  loadLanguagePreference,
  loadRememberedFields,
  saveLanguagePreference,
  saveRememberedFields,
} from "../host/preferences";
import {
  collectIntoDownload,
  collectIntoWorkbook,
  readSelection,
  rollUpInWorkbook,
  writeBreakdownToDownload,
  writeBreakdownToWorkbook,
} from "../host/teamActions";
import {
  importIntoWorkbook,
  importToDownload,
  listWorkbookSources,
  readRegisterInWorkbook,
  readSourceFile,
  readWorkbookSource,
} from "../host/importActions";
import { activateCell, writeToDownload, writeToWorkbook } from "../host/templateWriter";
import { functionNamesLocale, isLocale, resolveLocale } from "../contract/locale";
import { App, type Page } from "./components/App";
import type { PaneServices } from "./services";

export function mount(element: HTMLElement, ready: ReadyInfo): void {
  const host = readHostInfo(ready);
  const params = new URLSearchParams(window.location.search);
  const requested = params.get("lang");
  const initialLocale =
    loadLanguagePreference() ?? (isLocale(requested) ? requested : resolveLocale(host.displayLanguage ?? navigator.language));
  const requestedPage = params.get("page");
  const initialPage: Page = requestedPage === "help" ? "functions" : requestedPage === "import" ? "import" : "templates";
  const services: PaneServices = {
    loadFunctionMetadata,
    loadRemembered: loadRememberedFields,
    saveRemembered: saveRememberedFields,
    today: () => new Date(),
    ...(host.inExcel
      ? {
          functionNamesLocale: functionNamesLocale(host.displayLanguage),
          ...(customFunctionsAvailable() ? { insertFormula: insertIntoSelectedCell } : { functionsUnavailable: true }),
          writeTemplates: writeToWorkbook,
          activate: activateCell,
          team: { writeBreakdown: writeBreakdownToWorkbook, readSelection, rollUp: rollUpInWorkbook, collect: collectIntoWorkbook },
          importer: {
            listSources: listWorkbookSources,
            readSource: readWorkbookSource,
            readRegister: readRegisterInWorkbook,
            readFile: readSourceFile,
            write: importIntoWorkbook,
          },
        }
      : {
          writeTemplates: writeToDownload,
          team: { writeBreakdown: writeBreakdownToDownload, collect: collectIntoDownload },
          importer: { readFile: readSourceFile, write: (kind, write, _register, locale, year) => importToDownload(kind, write, locale, year) },
        }),
  };
  createRoot(element).render(
    <App
      host={host}
      services={services}
      initialLocale={initialLocale}
      initialPage={initialPage}
      onLocaleChange={saveLanguagePreference}
    />,
  );
}
