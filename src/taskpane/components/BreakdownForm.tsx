import { useDeferredValue, useMemo, useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
} from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import { uiStrings } from "../strings";
import { breakdownMessages, type BreakdownIssue } from "../../team";
import type { RememberedFields } from "../../host/preferences";
import type { PaneServices } from "../services";
import { breakdownCalendar, validateBreakdown, type BreakdownField, type BreakdownFormValues } from "../teamForms/breakdownForm";
import { repsTextOf, UNITS } from "../teamForms/boxes";
import { comingPeriods, initialLongWeek, rememberedCalendar } from "../templateForms/initialValues";
import { problemText } from "../templateForms/problemText";
import type { FieldProblem } from "../templateForms/validate";
import { describeWriteError } from "../writeErrors";
import { CalendarFields } from "./CalendarFields";
import { useFormStyles } from "./formStyles";
import { LanguageSwitch } from "./LanguageSwitch";
import { IDLE, useFormStatus, WriteStatusBar, type WriteStatus } from "./WriteStatus";

function initial(today: Date, remembered: RememberedFields, locale: Locale): BreakdownFormValues {
  const { week, month } = comingPeriods(today);
  return {
    periodKind: "month",
    month,
    year: month.slice(0, 4),
    target: "",
    reps: "",
    split: "workdays",
    lastYear: "",
    monthHolds: "",
    unit: "1",
    holidays: remembered.holidays,
    chinaCalendar: remembered.chinaCalendar,
    workWeek: remembered.workWeek,
    longWeek: initialLongWeek(today, remembered),
    productSplit: false,
    ratios: "2:3:1",
    plans: "none",
    week,
    team: remembered.team,
    sheetLocale: locale,
  };
}

export function BreakdownForm({ locale, services }: { locale: Locale; services: PaneServices }) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const [values, setValues] = useState<BreakdownFormValues>(() => initial(services.today(), services.loadRemembered(), locale));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useFormStatus<WriteStatus>(IDLE, [values]);
  // A year of 50 reps takes tens of milliseconds to check: typing stays immediate, the messages follow. A month is checked at once.
  const deferred = useDeferredValue(values);
  const checked = values.periodKind === "year" ? deferred : values;
  const validation = useMemo(() => validateBreakdown(checked), [checked]);
  const calendar = useMemo(() => breakdownCalendar(values), [values]);
  const writing = status.kind === "writing";
  const yearly = values.periodKind === "year";

  const set = <K extends keyof BreakdownFormValues>(field: K, value: BreakdownFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  };

  /** The messages of one field, once the user has touched it or tried to write. */
  const messages = (field: BreakdownField, inputs: readonly (keyof BreakdownFormValues)[]): string | undefined => {
    if (!submitted && !inputs.some((i) => touched.has(i))) return undefined;
    const problem: FieldProblem | undefined = validation.fieldProblems[field];
    const issues: readonly BreakdownIssue[] = validation.issues[field] ?? [];
    const texts = [...(problem ? [problemText(problem, locale)] : []), ...breakdownMessages(issues, locale)];
    return texts.length > 0 ? texts.join(" ") : undefined;
  };
  const field = (name: BreakdownField, inputs: readonly (keyof BreakdownFormValues)[]) => {
    const message = messages(name, inputs);
    return { validationState: message ? ("error" as const) : ("none" as const), validationMessage: message };
  };

  const paste = async () => {
    if (!services.team.readSelection) return;
    try {
      const text = repsTextOf(await services.team.readSelection());
      if (text === "") setStatus({ kind: "failed", message: strings.pasteEmpty });
      else set("reps", text);
    } catch (error) {
      // Reading changes nothing, so the write-failure wording ("the workbook was not changed") would mislead.
      setStatus({ kind: "failed", message: strings.pasteFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    // What is on screen now, not the deferred check of a keystroke ago.
    const request = validateBreakdown(values).request;
    if (!request || writing) return;
    setStatus({ kind: "writing" });
    try {
      const outcome = await services.team.writeBreakdown(request, values.sheetLocale);
      const remembered = services.loadRemembered();
      services.saveRemembered({ ...remembered, team: values.team.trim(), ...rememberedCalendar(values, remembered) });
      setStatus({ kind: "done", outcome });
    } catch (error) {
      setStatus({ kind: "failed", message: describeWriteError(error, locale) });
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate data-testid="breakdown-form" aria-labelledby="breakdown-title">
      <Subtitle2 as="h2" block id="breakdown-title">
        {strings.breakdownHeading}
      </Subtitle2>
      <Body1>{strings.breakdownIntro}</Body1>
      <Field label={strings.fieldPeriodKind}>
        <RadioGroup layout="horizontal" value={values.periodKind} disabled={writing} onChange={(_, d) => set("periodKind", d.value === "year" ? "year" : "month")}>
          <Radio value="month" label={strings.periodMonth} />
          <Radio value="year" label={strings.periodYear} />
        </RadioGroup>
      </Field>
      {values.periodKind === "month" ? (
        <Field label={strings.fieldMonth} hint={strings.fieldMonthHint} required {...field("period", ["month"])}>
          <Input value={values.month} disabled={writing} onChange={(_, d) => set("month", d.value)} />
        </Field>
      ) : (
        <Field label={strings.fieldYear} required {...field("period", ["year"])}>
          <Input value={values.year} inputMode="numeric" disabled={writing} onChange={(_, d) => set("year", d.value)} />
        </Field>
      )}
      <Field label={strings.fieldTarget} required {...field("target", ["target"])}>
        <Input value={values.target} inputMode="numeric" disabled={writing} onChange={(_, d) => set("target", d.value)} />
      </Field>
      <Field label={strings.fieldTeam}>
        <Input value={values.team} disabled={writing} onChange={(_, d) => set("team", d.value)} />
      </Field>
      <Field label={strings.fieldReps} hint={yearly ? strings.fieldRepsHintYear : strings.fieldRepsHint} required {...field("reps", ["reps"])}>
        <Textarea value={values.reps} rows={6} resize="vertical" disabled={writing} onChange={(_, d) => set("reps", d.value)} />
      </Field>
      {services.team.readSelection && (
        <div className={styles.row}>
          <Button onClick={() => void paste()} disabled={writing} data-testid="paste-selection">
            {strings.pasteSelection}
          </Button>
        </div>
      )}
      {yearly && (
        <>
          <Field label={strings.fieldSplit}>
            <RadioGroup layout="horizontal" value={values.split} disabled={writing} onChange={(_, d) => set("split", d.value === "lastYear" ? "lastYear" : "workdays")}>
              <Radio value="workdays" label={strings.splitWorkdays} />
              <Radio value="lastYear" label={strings.splitLastYear} />
            </RadioGroup>
          </Field>
          {values.split === "lastYear" && (
            <Field label={strings.fieldLastYear} hint={strings.fieldLastYearHint} required {...field("lastYear", ["lastYear"])}>
              <Textarea value={values.lastYear} rows={3} resize="vertical" disabled={writing} onChange={(_, d) => set("lastYear", d.value)} />
            </Field>
          )}
          <Field label={strings.fieldMonthHolds} hint={strings.fieldMonthHoldsHint} {...field("monthHolds", ["monthHolds"])}>
            <Textarea value={values.monthHolds} rows={2} resize="vertical" disabled={writing} onChange={(_, d) => set("monthHolds", d.value)} />
          </Field>
        </>
      )}
      <Field label={strings.fieldUnit} {...field("unit", ["unit"])}>
        <Select value={values.unit} disabled={writing} onChange={(_, d) => set("unit", d.value)}>
          {UNITS.map((unit) => (
            <option key={unit} value={String(unit)}>
              {strings.unitOption(unit)}
            </option>
          ))}
        </Select>
      </Field>
      <CalendarFields
        locale={locale}
        chinaCalendar={values.chinaCalendar}
        workWeek={values.workWeek}
        longWeek={values.longWeek}
        holidays={values.holidays}
        calendar={calendar}
        validationMessage={messages("holidays", ["holidays"])}
        longWeekMessage={messages("longWeek", ["longWeek"])}
        disabled={writing}
        today={services.today()}
        onChinaCalendar={(on) => set("chinaCalendar", on)}
        onWorkWeek={(kind) => set("workWeek", kind)}
        onLongWeek={(text) => set("longWeek", text)}
        onHolidays={(text) => set("holidays", text)}
      />
      <Checkbox checked={values.productSplit} disabled={writing} label={strings.fieldProductSplit} onChange={(_, d) => set("productSplit", d.checked === true)} />
      {values.productSplit && (
        <Field label={strings.fieldRatios} {...field("ratios", ["ratios", "productSplit"])}>
          <Input value={values.ratios} disabled={writing} onChange={(_, d) => set("ratios", d.value)} />
        </Field>
      )}
      <Field label={strings.fieldPlans}>
        <RadioGroup value={values.plans} disabled={writing} onChange={(_, d) => set("plans", d.value === "weekly" || d.value === "monthly" ? d.value : "none")}>
          <Radio value="none" label={strings.plansNone} />
          <Radio value="weekly" label={strings.plansWeekly} />
          {values.periodKind === "month" && <Radio value="monthly" label={strings.plansMonthly} />}
        </RadioGroup>
      </Field>
      {values.plans === "weekly" && (
        <Field label={strings.fieldWeek} hint={strings.fieldWeekHint} required {...field("week", ["week", "plans"])}>
          <Input value={values.week} disabled={writing} onChange={(_, d) => set("week", d.value)} />
        </Field>
      )}
      <LanguageSwitch locale={values.sheetLocale} label={strings.fieldSheetLocale} disabled={writing} onChange={(l) => setValues((v) => ({ ...v, sheetLocale: l }))} />
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={writing} data-testid="breakdown-button">
          {strings.breakdownButton}
        </Button>
        {writing && <Spinner size="tiny" label={strings.writing} />}
      </div>
      <WriteStatusBar status={status} strings={strings} activate={services.activate} />
    </form>
  );
}
