import { useDeferredValue, useMemo, useState, type FormEvent } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import { uiStrings, type UiStrings } from "../strings";
import type { TemplateId } from "../../templates/registry";
import type { PaneServices } from "../services";
import { COMPANIONS, TEMPLATE_FIELDS, type FieldName, type FormValues, type ListedField } from "../templateForms/formModel";
import { initialValues, rememberedCalendar } from "../templateForms/initialValues";
import { problemText } from "../templateForms/problemText";
import { templateCalendar, validateForm } from "../templateForms/validate";
import { describeWriteError } from "../writeErrors";
import { UNITS } from "../teamForms/boxes";
import { computedAnnualTarget } from "../templateForms/annualForm";
import { AnnualPreview, formatAmount } from "./AnnualPreview";
import { CalendarFields } from "./CalendarFields";
import { useFormStyles } from "./formStyles";
import { LanguageSwitch } from "./LanguageSwitch";
import { templateTitle } from "./TemplateGallery";
import { IDLE, useFormStatus, WriteStatusBar, type WriteStatus } from "./WriteStatus";

function fieldLabel(field: ListedField, template: TemplateId, s: UiStrings): { label: string; hint?: string } {
  switch (field) {
    case "rep":
      return { label: template === "monthly" ? s.fieldRepMonthly : template === "diary" ? s.fieldRepDiary : s.fieldRep };
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
    case "year":
      return { label: s.fieldAnnualYear };
    case "lastYear":
      return { label: s.fieldLastYear, hint: s.fieldLastYearHint };
    case "growth":
      return { label: s.fieldGrowth, hint: s.fieldGrowthHint };
    case "annualTarget":
      return { label: s.fieldAnnualTarget, hint: s.fieldAnnualTargetHint };
    case "split":
      return { label: s.fieldSplit };
    case "reps":
      return { label: s.fieldReps, hint: s.fieldRepsHintYear };
    case "monthHolds":
      return { label: s.fieldMonthHolds, hint: s.fieldMonthHoldsHint };
    case "ratios":
      return { label: s.fieldRatios };
    case "expenseCap":
      return { label: s.fieldExpenseCap, hint: s.fieldExpenseCapHint };
    case "unit":
      return { label: s.fieldUnit };
  }
}

/** The fields typed as several lines: pasted rows and columns keep their shape. */
const BOXES: ReadonlySet<ListedField> = new Set(["lastYear", "reps", "monthHolds"]);
const REQUIRED: ReadonlySet<ListedField> = new Set(["rep", "week", "month", "year", "lastYear"]);
const NUMERIC: ReadonlySet<ListedField> = new Set(["blankRows", "statsYear", "year", "annualTarget"]);

export interface TemplateFormProps {
  template: TemplateId;
  locale: Locale;
  services: PaneServices;
  onBack(): void;
}

export function TemplateForm({ template, locale, services, onBack }: TemplateFormProps) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const [values, setValues] = useState<FormValues>(() => initialValues(template, services.today(), services.loadRemembered(), locale));
  const [touched, setTouched] = useState<ReadonlySet<FieldName>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [intoActiveSheet, setIntoActiveSheet] = useState(false);
  const companion = COMPANIONS[template];
  const [withCompanion, setWithCompanion] = useState(true);
  const [status, setStatus] = useFormStatus<WriteStatus>(IDLE, [template, values, intoActiveSheet, withCompanion]);
  // The annual plan is computed on each check (50 reps: tens of milliseconds): typing stays immediate, the messages and
  // preview follow. The other forms are checked at once.
  const deferred = useDeferredValue(values);
  const checked = TEMPLATE_FIELDS[template].includes("lastYear") ? deferred : values;
  const validation = useMemo(() => validateForm(template, checked), [template, checked]);
  const calendar = useMemo(() => templateCalendar(template, values), [template, values]);
  const problems = validation.ok ? {} : validation.problems;
  const showsTarget = TEMPLATE_FIELDS[template].includes("annualTarget");
  const computedTarget = useMemo(() => (showsTarget ? computedAnnualTarget(values) : undefined), [showsTarget, values]);
  const writing = status.kind === "writing";

  const change = (field: FieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // What is on screen now, not the deferred check of a keystroke ago.
    const current = validateForm(template, values);
    if (!current.ok || writing) return;
    setStatus({ kind: "writing" });
    try {
      const requests = companion && withCompanion ? [current.request, companion] : [current.request];
      const outcome = await services.writeTemplates(requests, values.sheetLocale, intoActiveSheet ? "activeSheet" : "newSheet");
      const before = services.loadRemembered();
      // A diary's box lists a team's reps: the name the plans start with stays the user's own.
      services.saveRemembered({ rep: template === "diary" ? before.rep : values.rep.trim(), team: values.team.trim(), ...rememberedCalendar(values, before) });
      setStatus({ kind: "done", outcome });
    } catch (error) {
      setStatus({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid={`form-${template}`} aria-labelledby="form-title">
      <div className={styles.row}>
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
        if (field === "holidays") {
          const longWeekProblem = problems.longWeek;
          return (
            <CalendarFields
              key={field}
              locale={locale}
              chinaCalendar={values.chinaCalendar}
              workWeek={values.workWeek}
              longWeek={values.longWeek}
              holidays={values.holidays}
              calendar={calendar}
              validationMessage={show ? problemText(problem, locale) : undefined}
              longWeekMessage={longWeekProblem && (touched.has("longWeek") || submitted) ? problemText(longWeekProblem, locale) : undefined}
              disabled={writing}
              today={services.today()}
              onChinaCalendar={(chinaCalendar) => setValues((v) => ({ ...v, chinaCalendar }))}
              onWorkWeek={(workWeek) => setValues((v) => ({ ...v, workWeek }))}
              onLongWeek={(text) => change("longWeek", text)}
              onHolidays={(text) => change(field, text)}
            />
          );
        }
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
            required={REQUIRED.has(field)}
            validationState={show ? "error" : "none"}
            validationMessage={show ? problemText(problem, locale) : undefined}
          >
            {field === "split" ? (
              <RadioGroup layout="horizontal" value={values.split} disabled={writing} onChange={(_, d) => change(field, d.value === "workdays" ? "workdays" : "lastYear")}>
                <Radio value="lastYear" label={strings.splitLastYear} />
                <Radio value="workdays" label={strings.splitWorkdays} />
              </RadioGroup>
            ) : field === "unit" ? (
              <Select {...common} onChange={(_, d) => change(field, d.value)}>
                {UNITS.map((unit) => (
                  <option key={unit} value={String(unit)}>
                    {strings.unitOption(unit)}
                  </option>
                ))}
              </Select>
            ) : BOXES.has(field) ? (
              <Textarea {...common} rows={field === "reps" ? 5 : field === "lastYear" ? 3 : 2} resize="vertical" onChange={(_, d) => change(field, d.value)} />
            ) : (
              <Input
                {...common}
                inputMode={NUMERIC.has(field) ? "numeric" : undefined}
                placeholder={field === "annualTarget" && computedTarget !== undefined ? formatAmount(computedTarget) : undefined}
                onChange={(_, d) => change(field, d.value)}
              />
            )}
          </Field>
        );
      })}
      {validation.ok && validation.plan && <AnnualPreview plan={validation.plan} strings={strings} />}
      <LanguageSwitch
        locale={values.sheetLocale}
        label={strings.fieldSheetLocale}
        disabled={writing}
        onChange={(sheetLocale) => setValues((v) => ({ ...v, sheetLocale }))}
      />
      {companion && (
        <Field hint={strings.withCompanionHint}>
          <Checkbox
            checked={withCompanion}
            disabled={writing}
            label={strings.withCompanion(templateTitle(companion.template, strings))}
            onChange={(_, d) => setWithCompanion(d.checked === true)}
            data-testid="with-companion"
          />
        </Field>
      )}
      {services.activate && (
        <Checkbox
          checked={intoActiveSheet}
          disabled={writing}
          label={strings.intoActiveSheet}
          onChange={(_, d) => setIntoActiveSheet(d.checked === true)}
          data-testid="into-active-sheet"
        />
      )}
      {submitted && !validation.ok && (
        <MessageBar intent="warning" data-testid="form-invalid">
          <MessageBarBody>{strings.fixFirst}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={writing} data-testid="write-button">
          {services.activate ? strings.writeButton : strings.downloadButton}
        </Button>
        {writing && <Spinner size="tiny" label={strings.writing} data-testid="writing" />}
      </div>
      <WriteStatusBar status={status} strings={strings} activate={services.activate} />
    </form>
  );
}
