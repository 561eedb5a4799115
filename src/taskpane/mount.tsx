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
import { activateCell, writeToDownload, writeToWorkbook } from "../host/templateWriter";
import { nextPlanFromActiveSheet, submitPlan } from "../host/planActions";
import { functionNamesLocale, isLocale, resolveLocale } from "../contract/locale";
import { App, type Page } from "./components/App";
import type { ImportServices, PaneServices } from "./services";

/** The import's host side is fetched with the import page (the same chunk), so the pane's first load does not carry it. */
const importHost = () => import(/* webpackChunkName: "import" */ "../host/importActions");
const readFile: ImportServices["readFile"] = async (name, bytes, sheet) => (await importHost()).readSourceFile(name, bytes, sheet);
const workbookImporter: ImportServices = {
  listSources: async () => (await importHost()).listWorkbookSources(),
  readSource: async (source) => (await importHost()).readWorkbookSource(source),
  readRegisters: async (kind) => (await importHost()).readRegistersInWorkbook(kind),
  readFile,
  write: async (kind, write, registers, locale, year) => (await importHost()).importIntoWorkbook(kind, write, registers, locale, year),
};
const downloadImporter: ImportServices = {
  readFile,
  write: async (kind, write, _registers, locale, year) => (await importHost()).importToDownload(kind, write, locale, year),
};

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
          submitPlan,
          nextPlan: nextPlanFromActiveSheet,
          team: { writeBreakdown: writeBreakdownToWorkbook, readSelection, rollUp: rollUpInWorkbook, collect: collectIntoWorkbook },
          importer: workbookImporter,
        }
      : {
          writeTemplates: writeToDownload,
          team: { writeBreakdown: writeBreakdownToDownload, collect: collectIntoDownload },
          importer: downloadImporter,
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
