import { useEffect, useMemo, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
} from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import type { FileGrid, ImportOutcome, WorkbookRegisters, WorkbookSources } from "../../host/importActions";
import { IMPORT_KINDS, importFields, overrideMapping, planImport, proposeMapping, registerLocale, type ColumnMapping, type ImportKind, type SourceGrid } from "../../import";
import { FileRefusedError, refusalBySize } from "../../writers/ooxml/fileCheck";
import { decide, decideAll, decidedWrite, decisionsFor, importBlock, NO_DECISIONS, plannedVisitLog, sameRows, type Decisions, type ImportBlock } from "../importForm/importModel";
import type { PaneServices } from "../services";
import { ENCODING_NAMES, uiStrings, type UiStrings } from "../strings";
import { describeReadError, describeWriteError } from "../writeErrors";
import { useFormStyles } from "./formStyles";
import { ImportCheck } from "./ImportCheck";
import { ImportMapping } from "./ImportMapping";
import { templateTitle } from "./TemplateGallery";
import { DownloadBar, IDLE, useFormStatus, WrittenBar } from "./WriteStatus";

type SourceKind = "selection" | "sheet" | "table" | "file";

/** A source as read: its grid, and for a file what is needed to read another of its sheets. */
interface Loaded {
  readonly grid: SourceGrid;
  readonly label: string;
  readonly file?: { readonly name: string; readonly bytes: Uint8Array; readonly read: FileGrid };
}

/** The registers read for a kind (in the preview: none, the import makes a new workbook). */
type RegisterState = { readonly kind: ImportKind; readonly read: WorkbookRegisters } | { readonly kind: ImportKind; readonly failed: string };

type Status =
  | { readonly kind: "idle" | "reading" | "importing" }
  | { readonly kind: "done"; readonly outcome: ImportOutcome }
  | { readonly kind: "failed"; readonly message: string; readonly reading: boolean };

const isBlankGrid = (grid: SourceGrid): boolean => grid.every((row) => row.every((cell) => cell === null || cell === ""));

/**
 * 导入: a list brought into a register — what it is (客户 / 合同 / 拜访 / 收发票款), where it comes from, how its
 * columns map, and what the check found — decided by the user before anything is written.
 */
export function ImportPage({ locale, services }: { locale: Locale; services: PaneServices }) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const { importer } = services;
  const inExcel = importer.readSource !== undefined;
  const [kind, setKind] = useState<ImportKind>("customers");
  const [sourceKind, setSourceKind] = useState<SourceKind>(inExcel ? "selection" : "file");
  const [sources, setSources] = useState<WorkbookSources>({ sheets: [], tables: [] });
  const [sheet, setSheet] = useState<string>();
  const [table, setTable] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [chosenMapping, setChosenMapping] = useState<{ readonly kind: ImportKind; readonly grid: SourceGrid; readonly mapping: ColumnMapping }>();
  const [register, setRegister] = useState<RegisterState>();
  const [registerVersion, setRegisterVersion] = useState(0);
  const [decisions, setDecisions] = useState<Decisions>(NO_DECISIONS);
  // What the import is made of: the kind, where the list comes from, its columns and the user's decisions.
  const [status, setStatus] = useFormStatus<Status>(IDLE, [kind, sourceKind, sheet, table, loaded, chosenMapping, decisions]);
  const picker = useRef<HTMLInputElement>(null);
  const busy = status.kind === "reading" || status.kind === "importing";

  const { listSources, readRegisters } = importer;
  // Listed afresh each time the user turns to the sheets or tables: the workbook may have changed meanwhile.
  const listing = sourceKind === "sheet" || sourceKind === "table";
  useEffect(() => {
    if (!listSources || !listing) return;
    let current = true;
    listSources().then(
      (found) => current && setSources(found),
      (error: unknown) => current && setStatus({ kind: "failed", message: describeReadError(error, locale), reading: true }),
    );
    return () => {
      current = false;
    };
  }, [listSources, listing, locale, setStatus]);
  useEffect(() => {
    if (!readRegisters) return;
    let current = true;
    readRegisters(kind).then(
      (read) => current && setRegister({ kind, read }),
      (error: unknown) => current && setRegister({ kind, failed: describeReadError(error, locale) }),
    );
    return () => {
      current = false;
    };
  }, [readRegisters, kind, registerVersion, locale]);

  const mapping = useMemo(() => {
    if (!loaded) return undefined;
    if (chosenMapping && chosenMapping.kind === kind && chosenMapping.grid === loaded.grid) return chosenMapping.mapping;
    return proposeMapping(kind, loaded.grid);
  }, [loaded, chosenMapping, kind]);
  const registerHere = register?.kind === kind ? register : undefined;
  const registers: WorkbookRegisters = registerHere && "read" in registerHere ? registerHere.read : {};
  const { target } = registers;
  // Values are cleaned into the register's own language (its drop-down words), whatever the pane's; a new register is written in the pane's.
  const sheetLocale = target ? registerLocale(kind, target.register.headers) : locale;
  const fields = useMemo(() => importFields(kind, sheetLocale), [kind, sheetLocale]);
  // The register the rows go to: the workbook's, or for visits beside a customer register the log the import will write (linked to it).
  const planned = useMemo(
    () => target?.register ?? (kind === "visits" && registers.customers ? plannedVisitLog(sheetLocale, registers.customers) : undefined),
    [target, kind, registers.customers, sheetLocale],
  );
  const plan = useMemo(
    () =>
      loaded && mapping
        ? planImport(kind, loaded.grid, mapping, { locale: sheetLocale, ...(planned ? { register: planned } : {}), ...(registers.customers ? { customers: registers.customers } : {}) })
        : undefined,
    [kind, loaded, mapping, planned, registers.customers, sheetLocale],
  );
  const chosen = decisionsFor(decisions, plan);
  const write = plan ? decidedWrite(plan, chosen) : undefined;
  const block = plan ? importBlock(plan, chosen) : undefined;
  const registerReady = !readRegisters || (registerHere !== undefined && "read" in registerHere);

  const read = async (work: () => Promise<Loaded>) => {
    setStatus({ kind: "reading" });
    try {
      const { grid, label, file } = await work();
      if (isBlankGrid(grid)) {
        setStatus({ kind: "failed", message: strings.sourceEmpty, reading: true });
        return;
      }
      setLoaded({ grid, label, ...(file ? { file } : {}) });
      setStatus({ kind: "idle" });
    } catch (error) {
      setStatus({ kind: "failed", message: describeReadError(error, locale), reading: true });
    }
  };

  const readWorkbook = () => {
    const { readSource } = importer;
    if (!readSource) return;
    const source = sourceKind === "sheet" && sheet ? { kind: sourceKind, name: sheet } : sourceKind === "table" && table ? { kind: sourceKind, name: table } : { kind: "selection" as const };
    void read(async () => {
      const { grid, address } = await readSource(source);
      return { grid, label: address };
    });
  };

  const readFile = (name: string, bytes: Uint8Array, fileSheet?: string) =>
    read(async () => {
      const got = await importer.readFile(name, bytes, fileSheet);
      return { grid: got.grid, label: strings.sourceFileName(name, got.sheet), file: { name, bytes, read: got } };
    });

  const chooseFile = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    // A file too large to accept is not even read into the pane's memory: its size decides.
    const refusal = refusalBySize(file.size);
    if (refusal) {
      setStatus({ kind: "failed", message: new FileRefusedError(file.name, refusal).localized(locale), reading: true });
      return;
    }
    // An .xlsx's first sheet is read; the sheet picker offers the others.
    await readFile(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  const runImport = async () => {
    if (!plan || !write || block) return;
    setStatus({ kind: "importing" });
    try {
      if (write.fill.length > 0 && readRegisters) {
        // Merges write into register rows by position: they must still be the rows the user saw.
        const now = await readRegisters(kind);
        if (!sameRows(target?.register, now.target?.register, write.fill.map((f) => f.index))) {
          setRegister({ kind, read: now });
          setStatus({ kind: "failed", message: strings.registerChanged, reading: false });
          return;
        }
      }
      const outcome = await importer.write(kind, write, registers, sheetLocale, services.today().getFullYear());
      setStatus({ kind: "done", outcome });
      // The rows just written are the register's now: a second import checks against them.
      setRegisterVersion((v) => v + 1);
    } catch (error) {
      setStatus({ kind: "failed", message: describeWriteError(error, locale), reading: false });
    }
  };

  const fileRead = loaded?.file?.read;
  return (
    <div className={styles.form} data-testid="import-page">
      <Subtitle2 as="h2" block>
        {strings.importHeading}
      </Subtitle2>
      <Body1>{strings.importIntro}</Body1>
      <Field label={strings.importKindLabel}>
        <RadioGroup value={kind} disabled={busy} onChange={(_, data) => setKind(data.value as ImportKind)} data-testid="import-kind">
          {IMPORT_KINDS.map((k) => (
            <Radio key={k} value={k} label={templateTitle(k, strings)} />
          ))}
        </RadioGroup>
      </Field>
      <RegisterNote register={registerHere} inExcel={inExcel} strings={strings} />

      <Field label={strings.importSourceLabel}>
        {inExcel && (
          <RadioGroup value={sourceKind} disabled={busy} onChange={(_, data) => setSourceKind(data.value as SourceKind)} data-testid="import-source">
            <Radio value="selection" label={strings.sourceSelection} />
            <Radio value="sheet" label={strings.sourceSheet} />
            <Radio value="table" label={strings.sourceTable} />
            <Radio value="file" label={strings.sourceFile} />
          </RadioGroup>
        )}
      </Field>
      {sourceKind === "sheet" && (
        <NamePicker label={strings.sourceSheet} names={sources.sheets} value={sheet} strings={strings} disabled={busy} onChange={setSheet} testId="source-sheet" />
      )}
      {sourceKind === "table" &&
        (sources.tables.length > 0 ? (
          <NamePicker label={strings.sourceTable} names={sources.tables} value={table} strings={strings} disabled={busy} onChange={setTable} testId="source-table" />
        ) : (
          <Caption1>{strings.sourceNoTables}</Caption1>
        ))}
      <input
        ref={picker}
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        hidden
        aria-label={strings.chooseFileButton}
        data-testid="import-file-input"
        onChange={(e) => {
          void chooseFile(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <div className={styles.row}>
        {sourceKind === "file" ? (
          <Button disabled={busy} onClick={() => picker.current?.click()} data-testid="import-choose-file">
            {strings.chooseFileButton}
          </Button>
        ) : (
          <Button
            disabled={busy || (sourceKind === "sheet" && !sheet) || (sourceKind === "table" && !table)}
            onClick={readWorkbook}
            data-testid="import-read"
          >
            {strings.readSourceButton}
          </Button>
        )}
        {status.kind === "reading" && <Spinner size="tiny" label={strings.loading} />}
      </div>
      {status.kind === "failed" && status.reading && (
        <MessageBar intent="error" data-testid="import-read-error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {loaded && (
        <Caption1 data-testid="import-source-read">
          {strings.sourceRead(loaded.label, loaded.grid.length)}
          {fileRead?.encoding && ` ${strings.sourceEncoding(ENCODING_NAMES[fileRead.encoding])}`}
        </Caption1>
      )}
      {loaded?.file && fileRead && fileRead.sheets.length > 1 && (
        <NamePicker
          label={strings.fileSheetLabel}
          names={fileRead.sheets}
          value={fileRead.sheet}
          strings={strings}
          disabled={busy}
          testId="file-sheet"
          onChange={(name) => {
            const { file } = loaded;
            if (file) void readFile(file.name, file.bytes, name);
          }}
        />
      )}

      {loaded && mapping && plan && (
        <>
          <Divider />
          <ImportMapping
            grid={loaded.grid}
            mapping={mapping}
            headers={plan.headers}
            unmapped={plan.unmapped}
            fields={fields}
            strings={strings}
            disabled={busy}
            onChange={(column, key) =>
              // A field takes one column: the column that had it is no longer imported, and is listed so.
              setChosenMapping({ kind, grid: loaded.grid, mapping: overrideMapping(kind, loaded.grid, mapping, [{ source: plan.headers[column], target: key ?? "" }]) })
            }
          />
          <Divider />
          <ImportCheck
            plan={plan}
            registerFirstRow={target?.firstRow}
            chosen={chosen}
            locale={locale}
            strings={strings}
            disabled={busy}
            onDecide={(index, decision) => setDecisions((d) => decide(d, plan, index, decision))}
            onDecideAll={(decision) => setDecisions(decideAll(plan, decision))}
          />
          <ImportReadiness block={block} sheet={target?.register.sheet} strings={strings} />
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={busy || !registerReady || block !== undefined}
              onClick={() => void runImport()}
              data-testid="import-button"
            >
              {inExcel ? strings.importButton : strings.importDownloadButton}
            </Button>
            {status.kind === "importing" && <Spinner size="tiny" label={strings.importing} data-testid="importing" />}
          </div>
        </>
      )}
      {status.kind === "failed" && !status.reading && (
        <MessageBar intent="error" data-testid="import-error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "done" && <ImportResult outcome={status.outcome} strings={strings} activate={services.activate} />}
    </div>
  );
}

function NamePicker(props: {
  label: string;
  names: readonly string[];
  value: string | undefined;
  strings: UiStrings;
  disabled: boolean;
  testId: string;
  onChange(name: string): void;
}) {
  return (
    <Field label={props.label}>
      <Select value={props.value ?? ""} disabled={props.disabled} data-testid={props.testId} onChange={(_, data) => data.value !== "" && props.onChange(data.value)}>
        {props.value === undefined && <option value="">{props.strings.sourcePick}</option>}
        {props.names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function RegisterNote({ register, inExcel, strings }: { register: RegisterState | undefined; inExcel: boolean; strings: UiStrings }) {
  if (!inExcel) return <Caption1 data-testid="import-register">{strings.registerPreview}</Caption1>;
  if (register === undefined) return null;
  if ("failed" in register) {
    return (
      <MessageBar intent="error" data-testid="import-register-error">
        <MessageBarBody>{register.failed}</MessageBarBody>
      </MessageBar>
    );
  }
  const { target } = register.read;
  return (
    <Caption1 data-testid="import-register">{target ? strings.registerFound(target.register.sheet, target.register.table) : strings.registerMissing}</Caption1>
  );
}

/** Why the import button waits, if it does. */
function ImportReadiness({ block, sheet, strings }: { block: ImportBlock | undefined; sheet: string | undefined; strings: UiStrings }) {
  if (!block) return null;
  const text =
    block.kind === "unplaced"
      ? strings.unplacedColumns(sheet ?? "", block.pairs.map((p) => `${p.source} → ${p.target}`))
      : block.kind === "missingKeys"
        ? strings.missingKeys(block.fields)
        : block.kind === "undecided"
          ? strings.undecidedGroups(block.groups)
          : strings.nothingToImport;
  return (
    <MessageBar intent="warning" data-testid="import-waiting">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** Where the rows went: in Excel with *Go to sheet*, in the preview the download. */
function ImportResult({ outcome, strings, activate }: { outcome: ImportOutcome; strings: UiStrings; activate?: (address: string) => Promise<void> }) {
  if (outcome.kind === "download") {
    return <DownloadBar fileName={outcome.fileName} url={outcome.url} detail={strings.importDownloadReady(outcome.appended, outcome.sheet)} strings={strings} />;
  }
  const body = outcome.created
    ? strings.importCreated(outcome.appended, outcome.sheet)
    : strings.importAppended(outcome.appended, outcome.filled, outcome.sheet, outcome.firstCell);
  return <WrittenBar title={strings.importDoneTitle} body={body} firstCell={outcome.firstCell} strings={strings} activate={activate} />;
}
