import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../contract/locale";
import type { PaneServices } from "../services";
import { BreakdownForm } from "./BreakdownForm";
import { TeamRollup } from "./TeamRollup";

const useStyles = makeStyles({ page: { display: "grid", rowGap: tokens.spacingVerticalL } });

/** The manager's page: break the team target down, roll the reps' plans up, collect their files. */
export function TeamPage({ locale, services }: { locale: Locale; services: PaneServices }) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid="team-page">
      <BreakdownForm locale={locale} services={services} />
      <Divider />
      <TeamRollup locale={locale} services={services} />
    </div>
  );
}
