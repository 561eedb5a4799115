import { useCallback, useState } from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WriteOutcome } from "../../host/templateWriter";
import type { UiStrings } from "../strings";

/** Where a write stands; a failure carries its message already in the user's language. */
export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "done"; readonly outcome: WriteOutcome }
  | { readonly kind: "failed"; readonly message: string };

/** Nothing under the button yet, or again. */
export const IDLE = { kind: "idle" } as const;

const sameInputs = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((input, i) => Object.is(input, b[i]));

/**
 * A form's status, whose success ("done") is kept only while the form's `inputs` are those it was reached
 * with: a success or download bar describes what was written from those inputs, so once the user edits
 * any of them the bar goes (the status reads `idle`), and a bar never stands under values it does not
 * describe. A failure stays until the next attempt: it says why the last one failed. `inputs` are compared
 * one by one, by identity, as a hook's dependencies are; the setter is stable, as useState's is.
 */
export function useFormStatus<S extends { readonly kind: string }>(idle: S, inputs: readonly unknown[]): [S, (status: S) => void] {
  const [held, setHeld] = useState<{ readonly status: S; readonly inputs?: readonly unknown[] }>({ status: idle });
  const set = useCallback((status: S) => setHeld({ status }), []);
  // The render after a success records what it was for (React's "adjusting state while rendering": it
  // re-renders at once, before the browser paints).
  if (held.status.kind === "done" && held.inputs === undefined) setHeld({ status: held.status, inputs });
  const stale = held.inputs !== undefined && !sameInputs(held.inputs, inputs);
  return [stale ? idle : held.status, set];
}

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
