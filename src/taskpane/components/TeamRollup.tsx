import { useRef, useState } from "react";
import { Body1, Button, Checkbox, MessageBar, MessageBarBody, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { CollectOutcome, RollupOutcome } from "../../host/teamActions";
import type { ProjectsOutcome } from "../../writers/office/team";
import type { Locale } from "../../contract/locale";
import { uiStrings, type UiStrings } from "../strings";
import { planStatus, type PlanInstance } from "../../team";
import { planRemarks } from "../../templates/team";
import { FileRefusedError, refusalBySize } from "../../writers/ooxml/fileCheck";
import type { PaneServices } from "../services";
import { describeWriteError } from "../writeErrors";
import { useFormStyles } from "./formStyles";
import { WriteStatusBar } from "./WriteStatus";

type Result =
  | { readonly kind: "idle" | "busy" }
  | { readonly kind: "rolledUp"; readonly outcome: RollupOutcome }
  | { readonly kind: "collected"; readonly outcome: CollectOutcome; readonly unread: readonly FileRefusedError[] }
  | { readonly kind: "failed"; readonly message: string };

/** The plans the summary marks, with their reasons, in the user's language. */
function attention(plans: readonly PlanInstance[], locale: Locale): string[] {
  return plans.filter((plan) => planStatus(plan) !== "ok").map((plan) => `${plan.sheet}: ${planRemarks(plan, locale)}`);
}

/** What became of the summary's 项目进度 block, in the user's language. */
function projectsText(projects: ProjectsOutcome, strings: UiStrings): string {
  switch (projects.kind) {
    case "listed":
      return strings.rollupProjects(projects.table);
    case "blocked":
      return strings.rollupProjectsBlocked(projects.table, projects.occupied);
    case "removed":
      return strings.rollupProjectsRemoved;
    case "changed":
      return strings.rollupProjectsChanged(projects.table);
    case "unlisted":
      return strings.rollupProjectsUnlisted(projects.table, projects.removed);
  }
}

function RollupSummary({ outcome, strings, locale }: { outcome: RollupOutcome; strings: UiStrings; locale: Locale }) {
  const marked = attention(outcome.plans, locale);
  const warn = marked.length > 0 || outcome.outdated !== undefined || outcome.projects !== undefined && ["blocked", "changed", "unlisted"].includes(outcome.projects.kind);
  return (
    <MessageBar intent={warn ? "warning" : "success"} layout="multiline" data-testid="rollup-result">
      <MessageBarBody>
        {strings.rollupDone(outcome.sheet, outcome.refreshed, outcome.plans.length)}
        {outcome.outdated !== undefined && <div data-testid="rollup-outdated">{strings.rollupOutdated(outcome.outdated, outcome.sheet)}</div>}
        {marked.length > 0 && <div>{strings.rollupAttention(marked)}</div>}
        {outcome.projects && <div data-testid="rollup-projects">{projectsText(outcome.projects, strings)}</div>}
        {outcome.history !== undefined && (
          <div data-testid="rollup-history">
            {outcome.history ? strings.rollupHistoryDone(outcome.history.sheet, outcome.history.recorded, outcome.history.replaced, outcome.history.created) : strings.rollupHistoryNothing}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function readBase64(file: File): Promise<{ file: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ file: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, "") });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function TeamRollup({ locale, services }: { locale: Locale; services: PaneServices }) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const [result, setResult] = useState<Result>({ kind: "idle" });
  const [history, setHistory] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const busy = result.kind === "busy";
  const { rollUp } = services.team;

  const run = async (work: () => Promise<Result>) => {
    setResult({ kind: "busy" });
    try {
      setResult(await work());
    } catch (error) {
      setResult({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };

  const collect = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    // A file too large to accept is not even read into the pane's memory: its size decides.
    const unread = [...files].flatMap((f) => {
      const refusal = refusalBySize(f.size);
      return refusal ? [new FileRefusedError(f.name, refusal)] : [];
    });
    const readable = [...files].filter((f) => !refusalBySize(f.size));
    if (readable.length === 0) {
      setResult({ kind: "failed", message: unread.map((e) => e.localized(locale)).join(" · ") });
      return;
    }
    void run(async () => ({ kind: "collected", outcome: await services.team.collect(await Promise.all(readable.map(readBase64)), locale), unread }));
  };

  return (
    <div className={styles.form}>
      {rollUp && (
        <section className={styles.form} aria-labelledby="rollup-title">
          <Subtitle2 as="h2" block id="rollup-title">
            {strings.rollupHeading}
          </Subtitle2>
          <Body1>{strings.rollupIntro}</Body1>
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void run(async () => ({ kind: "rolledUp", outcome: await rollUp(locale, history ? { history: { on: services.today() } } : {}) }))}
              data-testid="rollup-button"
            >
              {strings.rollupButton}
            </Button>
          </div>
          <Checkbox checked={history} disabled={busy} label={strings.rollupHistory} onChange={(_, d) => setHistory(d.checked === true)} data-testid="rollup-history-checkbox" />
        </section>
      )}
      <section className={styles.form} aria-labelledby="collect-title">
        <Subtitle2 as="h2" block id="collect-title">
          {strings.collectHeading}
        </Subtitle2>
        <Body1>{rollUp ? strings.collectIntro : strings.collectPreviewIntro}</Body1>
        <input
          ref={picker}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          aria-label={strings.collectChoose}
          data-testid="collect-input"
          onChange={(e) => {
            collect(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => picker.current?.click()} data-testid="collect-button">
            {strings.collectChoose}
          </Button>
          {busy && <Spinner size="tiny" label={strings.writing} />}
        </div>
      </section>
      <ResultBar result={result} strings={strings} locale={locale} services={services} />
    </div>
  );
}

function ResultBar({ result, strings, locale, services }: { result: Result; strings: UiStrings; locale: Locale; services: PaneServices }) {
  if (result.kind === "failed") return <WriteStatusBar status={result} strings={strings} />;
  if (result.kind === "rolledUp") return <RollupSummary outcome={result.outcome} strings={strings} locale={locale} />;
  if (result.kind !== "collected") return null;
  const { outcome } = result;
  if (outcome.kind === "unsupported") {
    return (
      <MessageBar intent="warning" data-testid="collect-unsupported">
        <MessageBarBody>{strings.collectUnsupported}</MessageBarBody>
      </MessageBar>
    );
  }
  const skipped = [...result.unread, ...(outcome.kind === "collected" ? outcome.skipped : outcome.refused)].map((e) => e.localized(locale));
  if (outcome.kind === "download") skipped.push(...outcome.withoutPlans);
  const copied = outcome.kind === "collected" ? outcome.inserted.length : outcome.copied;
  const held = outcome.kind === "collected" ? outcome.alreadyHeld.map((h) => `${h.file}: ${h.sheet}`) : [];
  return (
    <>
      <MessageBar intent={skipped.length > 0 ? "warning" : "success"} layout="multiline" data-testid="collect-result">
        <MessageBarBody>
          {strings.collectDone(copied)}
          {skipped.length > 0 && <div>{strings.collectSkipped(skipped)}</div>}
          {held.length > 0 && <div data-testid="collect-already-held">{strings.collectAlreadyHeld(held)}</div>}
        </MessageBarBody>
      </MessageBar>
      {outcome.kind === "collected" ? (
        <RollupSummary outcome={outcome.rollup} strings={strings} locale={locale} />
      ) : (
        <WriteStatusBar status={{ kind: "done", outcome: outcome.download }} strings={strings} activate={services.activate} />
      )}
    </>
  );
}
