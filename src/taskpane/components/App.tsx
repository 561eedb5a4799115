import { lazy, Suspense, useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { HostInfo } from "../../host/hostInfo";
import type { Locale } from "../../contract/locale";
import { uiStrings } from "../strings";
import type { PaneServices } from "../services";
import { fluentThemes, themeKind } from "../theme";
import { FunctionsHelp } from "./FunctionsHelp";
import { LanguageSwitch } from "./LanguageSwitch";
import { SubmitPlan } from "./SubmitPlan";
import { NextPlanCard } from "./NextPlanCard";
import { TeamPage } from "./TeamPage";
import { TemplateForm } from "./TemplateForm";
import { TemplateGallery } from "./TemplateGallery";
import type { TemplateId } from "../../templates/registry";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** The import page and the parsing, clean-up and duplicate rules behind it come in their own chunk, when first opened. */
const ImportPage = lazy(() => import(/* webpackChunkName: "import" */ "./ImportPage").then(({ ImportPage }) => ({ default: ImportPage })));

export type Page = "templates" | "team" | "import" | "functions";

export interface AppProps {
  host: HostInfo;
  services: PaneServices;
  initialLocale: Locale;
  initialPage: Page;
  onLocaleChange(locale: Locale): void;
}

function matches(query: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

export function App({ host, services, initialLocale, initialPage, onLocaleChange }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [page, setPage] = useState<Page>(initialPage);
  const [template, setTemplate] = useState<TemplateId | null>(null);
  const styles = useStyles();
  const strings = uiStrings(locale);
  const theme = useMemo(
    () =>
      themeKind(
        host.officeTheme?.bodyBackgroundColor ?? null,
        matches("(forced-colors: active)"),
        matches("(prefers-color-scheme: dark)"),
      ),
    [host.officeTheme],
  );
  const changeLocale = (next: Locale) => {
    setLocale(next);
    onLocaleChange(next);
  };
  return (
    <FluentProvider theme={fluentThemes[theme]} lang={locale} data-theme={theme}>
      <main className={styles.root} lang={locale}>
        <header className={styles.header}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <Body1>{strings.appTagline}</Body1>
          <Caption1>
            {strings.hostLabel}:{" "}
            {host.inExcel ? [host.hostName, host.platform].filter(Boolean).join(" · ") : strings.hostPreview}
          </Caption1>
        </header>
        {!host.inExcel && (
          <MessageBar intent="info" data-testid="preview-banner">
            <MessageBarBody>
              <MessageBarTitle>{strings.previewTitle}</MessageBarTitle>
              {strings.previewBody}
            </MessageBarBody>
          </MessageBar>
        )}
        <LanguageSwitch locale={locale} label={strings.languageLabel} onChange={changeLocale} />
        <TabList selectedValue={page} onTabSelect={(_, data) => setPage(data.value as Page)}>
          <Tab value="templates">{strings.navTemplates}</Tab>
          <Tab value="team">{strings.navTeam}</Tab>
          <Tab value="import">{strings.navImport}</Tab>
          <Tab value="functions">{strings.navFunctions}</Tab>
        </TabList>
        {page === "templates" &&
          (template === null ? (
            <>
              {services.submitPlan && <SubmitPlan locale={locale} submit={services.submitPlan} now={services.today} />}
              {services.nextPlan && <NextPlanCard locale={locale} strings={strings} nextPlan={services.nextPlan} remembered={services.loadRemembered} />}
              <TemplateGallery strings={strings} onChoose={setTemplate} onTeam={() => setPage("team")} />
            </>
          ) : (
            <TemplateForm key={template} template={template} locale={locale} services={services} onBack={() => setTemplate(null)} />
          ))}
        {page === "team" && <TeamPage locale={locale} services={services} />}
        {page === "import" && (
          <Suspense fallback={<Spinner size="small" label={strings.loading} />}>
            <ImportPage locale={locale} services={services} />
          </Suspense>
        )}
        {page === "functions" && (
          <FunctionsHelp
            locale={locale}
            functionNamesLocale={services.functionNamesLocale}
            loadMetadata={services.loadFunctionMetadata}
            insert={services.insertFormula}
            unavailable={services.functionsUnavailable === true}
          />
        )}
      </main>
    </FluentProvider>
  );
}
