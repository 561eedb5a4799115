import { useMemo, useState, type FormEvent } from "react";
import {
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import type { WriteOutcome } from "../../host/templateWriter";
import { isLocale, LOCALES, type Locale } from "../../i18n/locale";
import { fill, uiStrings, type UiStrings } from "../../i18n/uiStrings";
import type { TemplateId } from "../../templates/sheetSpec";
import type { PaneServices } from "../services";
import { TEMPLATE_FIELDS, type FieldName, type FormValues } from "../templateForms/formModel";
import { initialValues } from "../templateForms/initialValues";
import { problemText } from "../templateForms/problemText";
import { validateForm } from "../templateForms/validate";
import { describeWriteError } from "../writeErrors";
import { templateTitle } from "./TemplateGallery";

const useStyles = makeStyles({
  form: { display: "grid", rowGap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
});

const OWN_NAMES: Record<Locale, string> = { "zh-CN": "中文", "en-US": "English" };

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "done"; readonly outcome: WriteOutcome }
  | { readonly kind: "failed"; readonly message: string };

function fieldLabel(field: FieldName, template: TemplateId, s: UiStrings): { label: string; hint?: string } {
  switch (field) {
    case "rep":
      return { label: template === "monthly" ? s.fieldRepMonthly : s.fieldRep };
    case "team":
      return { label: s.fieldTeam };
    case "approver":
      return { label: s.fieldApprover };
    case "week":
      return { label: s.fieldWeek, hint: s.fieldWeekHint };
    case "month":
      return { label: s.fieldMonth, hint: s.fieldMonthHint };
    case "statsYear":
      return { label: s.fieldStatsYear };
    case "holidays":
      return { label: s.fieldHolidays, hint: s.fieldHolidaysHint };
    case "blankRows":
      return { label: s.fieldBlankRows };
  }
}

export interface TemplateFormProps {
  template: TemplateId;
  locale: Locale;
  services: PaneServices;
  onBack(): void;
}

export function TemplateForm({ template, locale, services, onBack }: TemplateFormProps) {
  const styles = useStyles();
  const strings = uiStrings(locale);
  const [values, setValues] = useState<FormValues>(() => initialValues(template, services.today(), services.loadRemembered(), locale));
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const validation = useMemo(() => validateForm(template, values), [template, values]);
  const problems = validation.ok ? {} : validation.problems;
  const writing = status.kind === "writing";

  const change = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!validation.ok || writing) return;
    setStatus({ kind: "writing" });
    try {
      const outcome = await services.writeTemplates([validation.request], values.sheetLocale);
      services.saveRemembered({ rep: values.rep.trim(), team: values.team.trim(), holidays: values.holidays });
      setStatus({ kind: "done", outcome });
    } catch (error) {
      setStatus({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid={`form-${template}`} aria-labelledby="form-title">
      <div className={styles.actions}>
        <Button appearance="subtle" onClick={onBack} disabled={writing}>
          {strings.backToGallery}
        </Button>
      </div>
      <Subtitle2 as="h2" block id="form-title">
        {templateTitle(template, strings)}
      </Subtitle2>
      {TEMPLATE_FIELDS[template].map((field) => {
        const { label, hint } = fieldLabel(field, template, strings);
        const problem = problems[field];
        const show = problem && (touched.has(field) || submitted);
        const common = {
          value: values[field],
          disabled: writing,
          name: field,
        };
        return (
          <Field
            key={field}
            label={label}
            hint={hint}
            required={field === "rep" || field === "week" || field === "month"}
            validationState={show ? "error" : "none"}
            validationMessage={show ? problemText(problem, strings) : undefined}
          >
            {field === "holidays" ? (
              <Textarea {...common} resize="vertical" rows={4} onChange={(_, d) => change(field, d.value)} />
            ) : (
              <Input
                {...common}
                inputMode={field === "blankRows" || field === "statsYear" ? "numeric" : undefined}
                onChange={(_, d) => change(field, d.value)}
              />
            )}
          </Field>
        );
      })}
      <Field label={strings.fieldSheetLocale}>
        <RadioGroup
          layout="horizontal"
          value={values.sheetLocale}
          disabled={writing}
          onChange={(_, d) => {
            if (isLocale(d.value)) setValues((v) => ({ ...v, sheetLocale: d.value as Locale }));
          }}
        >
          {LOCALES.map((l) => (
            <Radio key={l} value={l} label={OWN_NAMES[l]} lang={l} />
          ))}
        </RadioGroup>
      </Field>
      {submitted && !validation.ok && (
        <MessageBar intent="warning" data-testid="form-invalid">
          <MessageBarBody>{strings.fixFirst}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={writing} data-testid="write-button">
          {services.activate ? strings.writeButton : strings.downloadButton}
        </Button>
        {writing && <Spinner size="tiny" label={strings.writing} data-testid="writing" />}
      </div>
      <StatusBar status={status} strings={strings} services={services} />
    </form>
  );
}

function StatusBar({ status, strings, services }: { status: Status; strings: UiStrings; services: PaneServices }) {
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
            {fill(strings.downloadLink, { file: outcome.fileName })}
          </Link>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" data-testid="write-success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.writtenTitle}</MessageBarTitle>
        {fill(strings.writtenBody, { sheets: outcome.sheets.join(", ") })}
      </MessageBarBody>
      {services.activate && (
        <MessageBarActions>
          <Button onClick={() => void services.activate?.(outcome.firstCell)} data-testid="go-to-sheet">
            {strings.goToSheet}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
