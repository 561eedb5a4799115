import { useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { HostInfo } from "../../host/hostInfo";
import type { Locale } from "../../i18n/locale";
import { uiStrings } from "../../i18n/uiStrings";
import { fluentThemes, themeKind } from "../theme";
import { LanguageSwitch } from "./LanguageSwitch";
import { FunctionList } from "./FunctionList";

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

export interface AppProps {
  host: HostInfo;
  initialLocale: Locale;
  onLocaleChange(locale: Locale): void;
}

function matches(query: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(query).matches;
}

export function App({ host, initialLocale, onLocaleChange }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
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
      <LocalizedRoot locale={locale} onLocaleChange={changeLocale} host={host} strings={strings} />
    </FluentProvider>
  );
}

interface RootProps {
  locale: Locale;
  host: HostInfo;
  strings: ReturnType<typeof uiStrings>;
  onLocaleChange(locale: Locale): void;
}

function LocalizedRoot({ locale, host, strings, onLocaleChange }: RootProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} lang={locale}>
      <header className={styles.header}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <Body1>{strings.appTagline}</Body1>
        <Caption1>
          {strings.hostLabel}: {host.inExcel ? [host.hostName, host.platform].filter(Boolean).join(" · ") : strings.hostPreview}
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
      <LanguageSwitch locale={locale} label={strings.languageLabel} onChange={onLocaleChange} />
      <section aria-labelledby="functions-heading">
        <Subtitle2 as="h2" block id="functions-heading">
          {strings.functionsHeading}
        </Subtitle2>
        <Body1 as="p">{strings.functionsIntro}</Body1>
        <FunctionList locale={locale} />
      </section>
    </main>
  );
}
