import { Body1, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { AnnualPlan } from "../../team";
import type { UiStrings } from "../strings";

const useStyles = makeStyles({
  preview: { display: "grid", rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  quarters: { display: "grid", gridTemplateColumns: "repeat(4, minmax(0, 1fr))", columnGap: tokens.spacingHorizontalS },
  table: { borderCollapse: "collapse", width: "100%", fontVariantNumeric: "tabular-nums" },
  number: { textAlign: "end", paddingInlineStart: tokens.spacingHorizontalS },
  head: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
});

/** 同比 of a month last year had nothing in: a dash, as the sheet leaves it blank (the same sign in both languages). */
const NO_YOY = "—";

/** An amount as both languages write it: 1,234,000. */
export const formatAmount = (amount: number): string => amount.toLocaleString("en-US");

/** A fraction as a percentage with one decimal where it needs one: 0.2 → 20%, 0.125 → 12.5%. */
const formatRate = (rate: number): string => `${Number((rate * 100).toFixed(1))}%`;

/** The plan the form would write: the target and how it was found, the quarters and the twelve months with 同比. */
export function AnnualPreview({ plan, strings }: { plan: AnnualPlan; strings: UiStrings }) {
  const styles = useStyles();
  const growth = plan.lastYearTotal > 0 ? plan.target / plan.lastYearTotal - 1 : plan.growth;
  const [month, lastYear, target, yoy] = strings.previewColumns;
  return (
    <section className={styles.preview} aria-labelledby="annual-preview-title" data-testid="annual-preview">
      <Subtitle2 as="h3" id="annual-preview-title">
        {strings.previewHeading}
      </Subtitle2>
      <Body1 data-testid="annual-preview-target">
        {(plan.targetTyped ? strings.previewTargetTyped : strings.previewTarget)(formatAmount(plan.target), formatAmount(plan.lastYearTotal), formatRate(plan.targetTyped ? growth : plan.growth))}
      </Body1>
      <div className={styles.quarters} data-testid="annual-preview-quarters">
        {plan.quarters.map((amount, q) => (
          <div key={q}>
            <Caption1 block>{strings.previewQuarters[q]}</Caption1>
            <Body1>{formatAmount(amount)}</Body1>
          </div>
        ))}
      </div>
      <table className={styles.table} data-testid="annual-preview-months">
        <thead>
          <tr>
            <th scope="col" className={styles.head}>
              {month}
            </th>
            {[lastYear, target, yoy].map((title) => (
              <th key={title} scope="col" className={`${styles.head} ${styles.number}`}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.months.map((amount, m) => (
            <tr key={m}>
              <th scope="row" className={styles.head}>
                {strings.previewMonth(m + 1)}
              </th>
              <td className={styles.number}>{formatAmount(plan.lastYear[m])}</td>
              <td className={styles.number}>{formatAmount(amount)}</td>
              <td className={styles.number}>{plan.yoy[m] === null ? NO_YOY : formatRate(plan.yoy[m]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.breakdown && <Caption1>{strings.previewReps(plan.breakdown.reps.length)}</Caption1>}
    </section>
  );
}
