import { useState } from "react";
import { Body1, Button, Caption1, Card, CardHeader, makeStyles, Radio, RadioGroup, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import { problemText, type DuplicateGroup, type ImportPlan } from "../../import";
import { choicesOf, rowSummary, shownOf, type PaneDecision } from "../importForm/importModel";
import type { UiStrings } from "../strings";
import { useFormStyles } from "./formStyles";

/** Long lists are shown a page at a time so the pane stays responsive at 50 000 rows. */
const PROBLEMS_PAGE = 100;
const GROUPS_PAGE = 50;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", rowGap: tokens.spacingVerticalXS },
  rows: { margin: 0, paddingLeft: tokens.spacingHorizontalM, display: "grid", rowGap: tokens.spacingVerticalXXS },
});

export interface ImportCheckProps {
  plan: ImportPlan;
  /** The worksheet row of the register's first data row (for naming its rows as Excel does). */
  registerFirstRow: number | undefined;
  chosen: ReadonlyMap<number, PaneDecision>;
  locale: Locale;
  strings: UiStrings;
  disabled: boolean;
  onDecide(index: number, decision: PaneDecision): void;
  onDecideAll(decision: PaneDecision): void;
}

/** What the import will do before it does it: the counts, every cell not read, and the duplicate groups to decide. */
export function ImportCheck({ plan, registerFirstRow, chosen, locale, strings, disabled, onDecide, onDecideAll }: ImportCheckProps) {
  const styles = useFormStyles();
  const own = useStyles();
  const [problemsShown, setProblemsShown] = useState(PROBLEMS_PAGE);
  const [groupsShown, setGroupsShown] = useState(GROUPS_PAGE);
  const problems = shownOf(plan.problems, problemsShown);
  const groups = shownOf(plan.groups, groupsShown);
  return (
    <section className={styles.form} aria-labelledby="check-title" data-testid="import-check">
      <Subtitle2 as="h3" block id="check-title">
        {strings.checkHeading}
      </Subtitle2>
      <Body1 data-testid="import-counts">{strings.checkCounts(plan.rows.length, plan.problems.length, plan.groups.length)}</Body1>
      {plan.problems.length > 0 && (
        <div className={styles.form}>
          <Text weight="semibold">{strings.problemsHeading}</Text>
          <ul className={own.list} data-testid="import-problems">
            {problems.items.map((problem, i) => (
              <li key={i}>
                <Caption1>{problemText(problem, locale)}</Caption1>
              </li>
            ))}
          </ul>
          {problems.more > 0 && <More text={strings.moreHidden(problems.more)} strings={strings} onMore={() => setProblemsShown((n) => n + PROBLEMS_PAGE)} testId="more-problems" />}
        </div>
      )}
      {plan.groups.length > 0 && (
        <div className={styles.form} data-testid="import-groups">
          <Text weight="semibold">{strings.groupsHeading}</Text>
          <Caption1>{strings.groupsIntro}</Caption1>
          <div className={styles.row}>
            <Button disabled={disabled} onClick={() => onDecideAll("skip")} data-testid="decide-all-skip">
              {strings.decideAllSkip}
            </Button>
            <Button disabled={disabled} onClick={() => onDecideAll("keepBoth")} data-testid="decide-all-keep">
              {strings.decideAllKeep}
            </Button>
          </div>
          {groups.items.map((group, index) => (
            <GroupCard
              key={index}
              index={index}
              group={group}
              plan={plan}
              registerFirstRow={registerFirstRow}
              decision={chosen.get(index)}
              locale={locale}
              strings={strings}
              disabled={disabled}
              onDecide={(decision) => onDecide(index, decision)}
            />
          ))}
          {groups.more > 0 && <More text={strings.moreHidden(groups.more)} strings={strings} onMore={() => setGroupsShown((n) => n + GROUPS_PAGE)} testId="more-groups" />}
        </div>
      )}
    </section>
  );
}

function More({ text, strings, onMore, testId }: { text: string; strings: UiStrings; onMore(): void; testId: string }) {
  const styles = useFormStyles();
  return (
    <div className={styles.row}>
      <Caption1>{text}</Caption1>
      <Button size="small" onClick={onMore} data-testid={testId}>
        {strings.showMore}
      </Button>
    </div>
  );
}

interface GroupCardProps {
  index: number;
  group: DuplicateGroup;
  plan: ImportPlan;
  registerFirstRow: number | undefined;
  decision: PaneDecision | undefined;
  locale: Locale;
  strings: UiStrings;
  disabled: boolean;
  onDecide(decision: PaneDecision): void;
}

/** A group's rows — imported ones by their source row, the register's by their worksheet row — and its decision. */
function GroupCard({ index, group, plan, registerFirstRow, decision, locale, strings, disabled, onDecide }: GroupCardProps) {
  const own = useStyles();
  const label = (choice: ReturnType<typeof choicesOf>[number]): string => {
    if (choice.decision === "keepBoth") return strings.decisionKeepBoth;
    if (choice.decision === "skip") return strings.decisionSkip;
    return choice.into === "existing" ? strings.decisionMergeExisting : strings.decisionMergeImported;
  };
  const title = strings.groupTitle(index + 1, strings.groupReasons[group.reason], group.key);
  return (
    <Card data-testid={`group-${index}`}>
      <CardHeader header={<Text weight="semibold">{title}</Text>} />
      <ul className={own.rows}>
        {group.existing.map((i) => (
          <li key={`e${i}`}>
            <Caption1>{strings.groupExistingRow((registerFirstRow ?? 1) + i, rowSummary(plan.kind, plan.existing[i], locale))}</Caption1>
          </li>
        ))}
        {group.imported.map((i) => (
          <li key={`i${i}`}>
            <Caption1>{strings.groupImportedRow(plan.rows[i].sourceRow, rowSummary(plan.kind, plan.rows[i].values, locale))}</Caption1>
          </li>
        ))}
      </ul>
      <RadioGroup
        aria-label={`${title} — ${strings.decisionLabel}`}
        value={decision ?? ""}
        disabled={disabled}
        onChange={(_, data) => onDecide(data.value as PaneDecision)}
      >
        {choicesOf(group).map((choice) => (
          <Radio key={choice.decision} value={choice.decision} label={label(choice)} />
        ))}
      </RadioGroup>
    </Card>
  );
}
