import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { localize } from "../../contract/locale";
import { excelResult } from "../../functions/excelErrors";
import { FUNCTION_ERROR_HELP } from "../../functions/errorHelp";
import * as operations from "../../functions/operations";
import type { FunctionMetadata } from "../../host/functionMetadata";
import type { InsertOutcome } from "../../host/formulaInsert";
import type { FormulaSyntax } from "../../host/formulaSyntax";
import type { Locale } from "../../contract/locale";
import { uiStrings } from "../strings";
import { functionCatalog } from "../functionCatalog";
import { exampleCallArgs, exampleFormula, exampleResultRows } from "../functionHelp/exampleFormula";
import { FUNCTION_EXAMPLES } from "../functionHelp/examples";

const useStyles = makeStyles({
  list: { display: "grid", rowGap: tokens.spacingVerticalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground3,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  result: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: `0 ${tokens.spacingHorizontalXS}` },
});

export interface FunctionsHelpProps {
  locale: Locale;
  /** The language of the function names Excel registers (absent in the preview: the pane's language). */
  functionNamesLocale?: Locale;
  loadMetadata(locale: Locale): Promise<readonly FunctionMetadata[]>;
  /** Absent in the browser preview, where there is no workbook to insert into. */
  insert?: (build: (syntax: FormulaSyntax) => string) => Promise<InsertOutcome>;
  /** This Excel runs no custom functions: no Insert buttons, and a bar that says why. */
  unavailable?: boolean;
}

type Feedback = { intent: "success" | "warning" | "error"; text: string } | null;

export function FunctionsHelp({ locale, functionNamesLocale, loadMetadata, insert, unavailable = false }: FunctionsHelpProps) {
  const styles = useStyles();
  const strings = uiStrings(locale);
  const [metadata, setMetadata] = useState<readonly FunctionMetadata[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);

  useEffect(() => {
    let current = true;
    setMetadata(null);
    // A failure in one language must not hide the other's metadata once the user switches.
    setLoadError(null);
    loadMetadata(locale).then(
      (m) => current && setMetadata(m),
      (e: unknown) => current && setLoadError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [locale, loadMetadata]);

  const results = useMemo(
    () =>
      new Map(
        FUNCTION_EXAMPLES.map((example) => {
          const run = operations[example.exportName] as (...args: unknown[]) => unknown;
          return [example.id, exampleResultRows(example, excelResult(() => run(...exampleCallArgs(example)), locale))];
        }),
      ),
    [locale],
  );

  if (loadError) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{strings.metadataFailed(loadError)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!metadata) return <Spinner size="small" label={strings.loading} />;

  const onInsert = async (build: (syntax: FormulaSyntax) => string) => {
    if (!insert) {
      setFeedback({ intent: "warning", text: strings.insertPreviewOnly });
      return;
    }
    try {
      const outcome = await insert(build);
      setFeedback(
        outcome.kind === "inserted"
          ? { intent: "success", text: strings.insertDone(outcome.address) }
          : { intent: "warning", text: strings.insertOccupied(outcome.address) },
      );
    } catch (e) {
      setFeedback({ intent: "error", text: strings.insertFailed(e instanceof Error ? e.message : String(e)) });
    }
  };

  return (
    <div className={styles.list} data-testid="functions-help">
      <Body1>{strings.functionsIntro}</Body1>
      {unavailable && (
        <MessageBar intent="warning" data-testid="functions-unavailable">
          <MessageBarBody>{strings.functionsUnavailable}</MessageBarBody>
        </MessageBar>
      )}
      {feedback && (
        <MessageBar intent={feedback.intent} data-testid="insert-feedback">
          <MessageBarBody>{feedback.text}</MessageBarBody>
        </MessageBar>
      )}
      {FUNCTION_EXAMPLES.map((example) => {
        const meta = metadata.find((m) => m.id === example.id);
        const names = functionCatalog.find((c) => c.id === example.id)?.formulaName;
        if (!meta || !names) return null;
        // The name to type is the one Excel registers, whatever language the pane is read in.
        const typedIn = functionNamesLocale ?? locale;
        const shown = exampleFormula(example, names[typedIn]);
        return (
          <Card key={example.id} data-testid={`function-${example.id}`}>
            <CardHeader
              header={<Text weight="semibold">{names[typedIn]}</Text>}
              description={<Caption1>{names[typedIn === "zh-CN" ? "en-US" : "zh-CN"]}</Caption1>}
            />
            <Body1>{meta.description}</Body1>
            <Caption1 as="p">{strings.parametersLabel}</Caption1>
            <ul className={styles.params}>
              {meta.parameters.map((p) => (
                <li key={p.name}>
                  <Text weight="semibold">{p.name}</Text> {p.optional && <Badge appearance="outline" size="small">{strings.optionalTag}</Badge>} {p.description}
                </li>
              ))}
            </ul>
            <Caption1 as="p">{strings.exampleLabel}</Caption1>
            <code className={styles.code}>{shown}</code>
            <Caption1 as="p">{strings.resultLabel}</Caption1>
            <table className={styles.result}>
              <tbody>
                {(results.get(example.id) ?? []).map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, c) => (
                      <td key={c} className={styles.cell}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <Caption1 as="p">{strings.errorsLabel}</Caption1>
            <ul className={styles.params} data-testid={`errors-${example.id}`}>
              {Object.entries(FUNCTION_ERROR_HELP[example.id] ?? {}).map(([code, text]) => (
                <li key={code}>
                  <Text weight="semibold">{code}</Text> {localize(text, locale)}
                </li>
              ))}
            </ul>
            {!unavailable && (
              <Button
                appearance="secondary"
                onClick={() => void onInsert((syntax) => exampleFormula(example, names[typedIn], syntax))}
                aria-label={`${strings.insertButton}: ${names[typedIn]}`}
              >
                {strings.insertButton}
              </Button>
            )}
          </Card>
        );
      })}
    </div>
  );
}
