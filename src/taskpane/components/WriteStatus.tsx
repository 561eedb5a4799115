import { useState } from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WriteOutcome } from "../../host/templateWriter";
import type { UiStrings } from "../strings";

/** Where a write stands; a failure carries its message already in the user's language. */
export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "done"; readonly outcome: WriteOutcome }
  | { readonly kind: "failed"; readonly message: string };

/** The bar under a write button: the error, the download link, or what was written with *Go to sheet*. */
export function WriteStatusBar({ status, strings, activate }: { status: WriteStatus; strings: UiStrings; activate?: (address: string) => Promise<void> }) {
  if (status.kind === "failed") {
    return (
      <MessageBar intent="error" data-testid="write-error">
        <MessageBarBody>{status.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (status.kind !== "done") return null;
  const { outcome } = status;
  if (outcome.kind === "download") {
    return (
      <MessageBar intent="success" data-testid="write-success">
        <MessageBarBody>
          <MessageBarTitle>{strings.downloadReadyTitle}</MessageBarTitle>
          <Link href={outcome.url} download={outcome.fileName} data-testid="download-link">
            {strings.downloadLink(outcome.fileName)}
          </Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <WrittenBar sheets={outcome.sheets} firstCell={outcome.firstCell} strings={strings} activate={activate} />
      {outcome.notDates.length > 0 && (
        <MessageBar intent="warning" data-testid="holiday-not-dates" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{strings.notDatesTitle}</MessageBarTitle>
            {strings.notDatesBody(outcome.notDates)}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What was written, with *Go to sheet*; the sheet may be gone by the time the user clicks, so that can fail too. */
function WrittenBar({
  sheets,
  firstCell,
  strings,
  activate,
}: {
  sheets: readonly string[];
  firstCell: string;
  strings: UiStrings;
  activate?: (address: string) => Promise<void>;
}) {
  const [goToError, setGoToError] = useState<string | null>(null);
  const goTo = async (go: (address: string) => Promise<void>) => {
    setGoToError(null);
    try {
      await go(firstCell);
    } catch (error) {
      setGoToError(strings.goToFailed(error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <>
      <MessageBar intent="success" data-testid="write-success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{strings.writtenTitle}</MessageBarTitle>
          {strings.writtenBody(sheets)}
        </MessageBarBody>
        {activate && (
          <MessageBarActions>
            <Button onClick={() => void goTo(activate)} data-testid="go-to-sheet">
              {strings.goToSheet}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {goToError && (
        <MessageBar intent="error" data-testid="go-to-error">
          <MessageBarBody>{goToError}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
