import { HostType, Utilities } from "@microsoft/office-js-helpers";

/** What the pane needs to know about where it runs; `null` fields mean "the host did not say". */
export interface HostInfo {
  /** True inside Excel (desktop, Mac or web); false in a plain browser preview. */
  inExcel: boolean;
  /** office-js-helpers' host/platform names ("EXCEL" / "PC", "OFFICE_ONLINE" …), shown to the user. */
  hostName: string;
  platform: string | null;
  displayLanguage: string | null;
  officeTheme: Office.OfficeTheme | null;
}

export interface ReadyInfo {
  host: Office.HostType | null;
}

/** Reads the host once, after Office.onReady; every Office property that may be missing is optional here. */
export function readHostInfo(ready: ReadyInfo): HostInfo {
  const inExcel = typeof Office !== "undefined" && ready.host === Office.HostType.Excel;
  if (!inExcel) {
    return { inExcel, hostName: HostType.WEB, platform: null, displayLanguage: null, officeTheme: null };
  }
  const context = Office.context;
  return {
    inExcel,
    hostName: Utilities.host,
    platform: Utilities.platform,
    displayLanguage: context.displayLanguage ?? null,
    // officeTheme is absent on some platforms (and in older requirement sets): fall back to the browser.
    officeTheme: context.officeTheme ?? null,
  };
}
