import { useState } from "react";
import { Body1, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { StampOutcome, SubmittedContent } from "../../host/planActions";
import type { Locale } from "../../contract/locale";
import { uiStrings } from "../strings";
import { submitMessage } from "../submitMessage";
import { describeWriteError } from "../writeErrors";
import type { PaneServices } from "../services";
import { useFormStyles } from "./formStyles";

/** What the pane's Submit came to. */
type State = { readonly kind: "idle" | "busy" } | { readonly kind: "done"; readonly outcome: StampOutcome } | { readonly kind: "failed"; readonly message: string };

/**
 * 提交 / Submit on a weekly plan (issue 16): the time now into the plan's 提交时间. A time already there is
 * the rep's; replacing it takes a second, explicit click, which replaces only the time it showed.
 */
export function SubmitPlan({ locale, submit, now }: { locale: Locale; submit: NonNullable<PaneServices["submitPlan"]>; now: () => Date }) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const [state, setState] = useState<State>({ kind: "idle" });
  const run = async (replacing?: SubmittedContent) => {
    setState({ kind: "busy" });
    try {
      setState({ kind: "done", outcome: await submit(now(), locale, replacing) });
    } catch (error) {
      setState({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };
  const outcome = state.kind === "done" ? state.outcome : undefined;
  return (
    <section className={styles.form} aria-labelledby="submit-title" data-testid="submit-plan">
      <Subtitle2 as="h2" block id="submit-title">
        {strings.submitHeading}
      </Subtitle2>
      <Body1>{strings.submitIntro}</Body1>
      <div className={styles.row}>
        <Button appearance="primary" disabled={state.kind === "busy"} onClick={() => void run()} data-testid="submit-button">
          {strings.submitButton}
        </Button>
        {state.kind === "busy" && <Spinner size="tiny" label={strings.writing} />}
      </div>
      {state.kind === "failed" && (
        <MessageBar intent="error" data-testid="write-error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <MessageBar intent={outcome.kind === "stamped" ? "success" : "warning"} layout="multiline" data-testid="submit-result">
          <MessageBarBody>{submitMessage(outcome, strings)}</MessageBarBody>
          {outcome.kind === "alreadyStamped" && (
            <MessageBarActions>
              <Button onClick={() => void run(outcome.held)} data-testid="submit-replace">
                {strings.submitReplace}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </section>
  );
}
