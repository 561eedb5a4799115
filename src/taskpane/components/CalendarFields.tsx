import { useMemo, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
} from "@fluentui/react-components";
import { localize, type Locale } from "../../contract/locale";
import { isWorkWeekKind, WORK_WEEK_KINDS, type DateLists } from "../../domain/dateText";
import { uiStrings } from "../strings";
import { addNoticeLines, describePeriodCalendar, noticeYearFor, readNotice, type WorkWeekKind } from "../templateForms/periodCalendar";
import { problemText } from "../templateForms/problemText";
import { isProblem, type FormCalendar } from "../templateForms/validate";
import { useFormStyles } from "./formStyles";

export interface CalendarFieldsProps {
  locale: Locale;
  chinaCalendar: boolean;
  workWeek: WorkWeekKind;
  /** The 大小周 date as typed. */
  longWeek: string;
  holidays: string;
  /** What the form plans with, from its pure module. */
  calendar: FormCalendar;
  /** The holiday box's problem, once the form shows problems. */
  validationMessage?: string;
  /** The 大小周 date's problem, once the form shows problems. */
  longWeekMessage?: string;
  disabled: boolean;
  today: Date;
  onChinaCalendar(on: boolean): void;
  onWorkWeek(kind: WorkWeekKind): void;
  onLongWeek(text: string): void;
  onHolidays(text: string): void;
}

/**
 * The work week and the built-in calendar's switch, the user's own holiday lines, what the period holds,
 * and the paste-the-notice dialog.
 */
export function CalendarFields(props: CalendarFieldsProps) {
  const { locale, chinaCalendar, workWeek, longWeek, holidays, calendar, validationMessage, longWeekMessage, disabled } = props;
  const strings = uiStrings(locale);
  const use = isProblem(calendar.use) ? undefined : calendar.use;
  const uncovered = use?.uncovered ?? [];
  // While the 大小周 date is wrong the calendar is not the one chosen, so it is not described.
  const summary = use && calendar.period && !isProblem(calendar.week) ? describePeriodCalendar(calendar.period, use, chinaCalendar, locale) : undefined;
  const workWeekLabel: Record<WorkWeekKind, string> = { fiveDay: strings.workWeekFiveDay, sixDay: strings.workWeekSixDay, alternate: strings.workWeekAlternate };
  return (
    <>
      <Field label={strings.fieldWorkWeek}>
        <RadioGroup value={workWeek} disabled={disabled} onChange={(_, d) => isWorkWeekKind(d.value) && props.onWorkWeek(d.value)} data-testid="work-week">
          {WORK_WEEK_KINDS.map((kind) => (
            <Radio key={kind} value={kind} label={workWeekLabel[kind]} />
          ))}
        </RadioGroup>
      </Field>
      {workWeek === "alternate" && (
        <Field
          label={strings.fieldLongWeek}
          hint={strings.fieldLongWeekHint}
          required
          validationState={longWeekMessage ? "error" : "none"}
          validationMessage={longWeekMessage}
        >
          <Input name="longWeek" value={longWeek} disabled={disabled} onChange={(_, d) => props.onLongWeek(d.value)} />
        </Field>
      )}
      <Field label={strings.fieldChinaCalendar}>
        <RadioGroup
          layout="horizontal"
          value={chinaCalendar ? "cn" : "none"}
          disabled={disabled}
          onChange={(_, d) => props.onChinaCalendar(d.value === "cn")}
          data-testid="china-calendar"
        >
          <Radio value="cn" label={strings.chinaCalendarOn} />
          <Radio value="none" label={strings.chinaCalendarOff} />
        </RadioGroup>
      </Field>
      <Field label={strings.fieldHolidays} hint={strings.fieldHolidaysHint} validationState={validationMessage ? "error" : "none"} validationMessage={validationMessage}>
        <Textarea name="holidays" value={holidays} resize="vertical" rows={3} disabled={disabled} onChange={(_, d) => props.onHolidays(d.value)} />
      </Field>
      {summary && (
        <Caption1 aria-live="polite" data-testid="calendar-summary">
          {summary}
        </Caption1>
      )}
      {uncovered.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="calendar-uncovered">
          <MessageBarBody>{strings.calendarUncovered(uncovered)}</MessageBarBody>
        </MessageBar>
      )}
      <NoticeDialog
        locale={locale}
        disabled={disabled}
        defaultYear={noticeYearFor(calendar.period, uncovered, props.today)}
        onAdd={(notice) => props.onHolidays(addNoticeLines(holidays, notice))}
      />
    </>
  );
}

function NoticeDialog({ locale, disabled, defaultYear, onAdd }: { locale: Locale; disabled: boolean; defaultYear: number; onAdd(notice: DateLists): void }) {
  const styles = useFormStyles();
  const strings = uiStrings(locale);
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState("");
  const [text, setText] = useState("");
  const read = useMemo(() => (text.trim() === "" ? undefined : readNotice(text, year)), [text, year]);
  const notice = read && !isProblem(read) ? read : undefined;
  const found = notice ? notice.holidays.length + notice.makeUpDays.length : 0;

  const openWith = (next: boolean) => {
    setOpen(next);
    if (next) {
      setYear(String(defaultYear));
      setText("");
    }
  };

  return (
    <div className={styles.row}>
      <Dialog open={open} onOpenChange={(_, d) => openWith(d.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button disabled={disabled} data-testid="notice-paste">
            {strings.noticePaste}
          </Button>
        </DialogTrigger>
        <DialogSurface aria-describedby="notice-intro">
          <DialogBody>
            <DialogTitle>{strings.noticeTitle}</DialogTitle>
            <DialogContent className={styles.form}>
              <Body1 id="notice-intro">{strings.noticeIntro}</Body1>
              <Field
                label={strings.noticeYear}
                validationState={read && isProblem(read) ? "error" : "none"}
                validationMessage={read && isProblem(read) ? problemText(read, locale) : undefined}
              >
                <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
              </Field>
              <Field label={strings.noticeText}>
                <Textarea value={text} rows={8} resize="vertical" onChange={(_, d) => setText(d.value)} data-testid="notice-text" />
              </Field>
              {notice && (
                <Body1 data-testid="notice-read">{strings.noticeRead(notice.holidays.length, notice.makeUpDays.length)}</Body1>
              )}
              {notice && notice.problems.length > 0 && (
                <MessageBar intent="warning" layout="multiline" data-testid="notice-problems">
                  <MessageBarBody>
                    {strings.noticeUnread}
                    <ul>
                      {notice.problems.map((problem, i) => (
                        <li key={i}>{localize(problem.message, locale)}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
              {notice && notice.advisories.length > 0 && (
                <MessageBar intent="info" layout="multiline" data-testid="notice-advice">
                  <MessageBarBody>
                    {strings.noticeAdvice}
                    <ul>
                      {notice.advisories.map((advice, i) => (
                        <li key={i}>{localize(advice.message, locale)}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                disabled={found === 0}
                data-testid="notice-add"
                onClick={() => {
                  if (notice) onAdd(notice);
                  setOpen(false);
                }}
              >
                {strings.noticeAdd}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{strings.noticeCancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
