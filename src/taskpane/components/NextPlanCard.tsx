import { useState } from "react";
import { Body1, Button, Card, CardFooter, CardHeader, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import type { NextPlanOutcome } from "../../writers/office/team/nextPlan";
import type { RememberedFields } from "../../host/preferences";
import type { PaneServices } from "../services";
import { rememberedPlanning } from "../templateForms/rememberedPlanning";
import type { UiStrings } from "../strings";
import { describeWriteError } from "../writeErrors";

type Status = { readonly kind: "idle" } | { readonly kind: "busy" } | { readonly kind: "done"; readonly outcome: NextPlanOutcome } | { readonly kind: "failed"; readonly message: string };

export interface NextPlanCardProps {
  readonly locale: Locale;
  readonly strings: UiStrings;
  /** The host's action (services.nextPlan): reads the active sheet's plan, writes or finds the next and shows it. */
  readonly nextPlan: NonNullable<PaneServices["nextPlan"]>;
  /** The forms' last calendar choices (services.loadRemembered), which the next plan is planned with. */
  readonly remembered: () => RememberedFields;
}

/** 下周计划 / 下月计划: one button acting on the plan the user has open (the host tells weekly from monthly). */
export function NextPlanCard({ locale, strings, nextPlan, remembered }: NextPlanCardProps) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const run = async () => {
    setStatus({ kind: "busy" });
    try {
      setStatus({ kind: "done", outcome: await nextPlan(locale, rememberedPlanning(remembered())) });
    } catch (error) {
      setStatus({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };
  return (
    <Card data-testid="next-plan">
      <CardHeader header={<Text as="h2" weight="semibold">{strings.nextPlanTitle}</Text>} />
      <Body1>{strings.nextPlanPurpose}</Body1>
      <CardFooter>
        <Button appearance="primary" disabled={status.kind === "busy"} onClick={() => void run()} data-testid="next-plan-button">
          {strings.nextPlanButton}
        </Button>
        {status.kind === "busy" && <Spinner size="tiny" />}
      </CardFooter>
      {status.kind === "failed" && (
        <MessageBar intent="error" data-testid="next-plan-error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && (
        <MessageBar intent="success" data-testid="next-plan-done">
          <MessageBarBody>
            {status.outcome.kind === "exists"
              ? strings.nextPlanExists(status.outcome.sheet)
              : strings.nextPlanWritten(status.outcome.sheet, status.outcome.carried, status.outcome.targetFrom)}
          </MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}
