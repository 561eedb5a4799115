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
  if (outcome.kind === "download") return <DownloadBar fileName={outcome.fileName} url={outcome.url} strings={strings} />;
  return (
    <>
      <WrittenBar body={strings.writtenBody(outcome.sheets)} firstCell={outcome.firstCell} strings={strings} activate={activate} />
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

/** A file to download, with what it holds (`detail`) when there is more to say than its name. */
export function DownloadBar({ fileName, url, detail, strings }: { fileName: string; url: string; detail?: string; strings: UiStrings }) {
  return (
    <MessageBar intent="success" layout={detail ? "multiline" : "auto"} data-testid="write-success">
      <MessageBarBody>
        <MessageBarTitle>{strings.downloadReadyTitle}</MessageBarTitle>
        {detail && `${detail} `}
        <Link href={url} download={fileName} data-testid="download-link">
          {strings.downloadLink(fileName)}
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}

/** What was written (`body`), with *Go to sheet*; the sheet may be gone by the time the user clicks, so that can fail too. */
export function WrittenBar({
  title,
  body,
  firstCell,
  strings,
  activate,
}: {
  title?: string;
  body: string;
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
          <MessageBarTitle>{title ?? strings.writtenTitle}</MessageBarTitle>
          {body}
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
