import { createRoot } from "react-dom/client";
import { readHostInfo, type ReadyInfo } from "../host/hostInfo";
import { loadLanguagePreference, saveLanguagePreference } from "../host/preferences";
import { resolveLocale, isLocale } from "../i18n/locale";
import { App } from "./components/App";

export function mount(element: HTMLElement, ready: ReadyInfo): void {
  const host = readHostInfo(ready);
  const requested = new URLSearchParams(window.location.search).get("lang");
  const initialLocale =
    loadLanguagePreference() ??
    (isLocale(requested) ? requested : resolveLocale(host.displayLanguage ?? navigator.language));
  createRoot(element).render(
    <App host={host} initialLocale={initialLocale} onLocaleChange={saveLanguagePreference} />,
  );
}
