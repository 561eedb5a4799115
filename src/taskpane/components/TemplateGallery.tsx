import { Body1, Button, Card, CardFooter, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UiStrings } from "../strings";
import { TEMPLATE_IDS, type TemplateId } from "../../templates/registry";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalM },
});

/** Each template's card: its title and what it is for. */
const CARD: { readonly [K in TemplateId]: (s: UiStrings) => { readonly title: string; readonly purpose: string } } = {
  weekly: (s) => ({ title: s.tplWeeklyTitle, purpose: s.tplWeeklyPurpose }),
  monthly: (s) => ({ title: s.tplMonthlyTitle, purpose: s.tplMonthlyPurpose }),
  customers: (s) => ({ title: s.tplCustomersTitle, purpose: s.tplCustomersPurpose }),
  contracts: (s) => ({ title: s.tplContractsTitle, purpose: s.tplContractsPurpose }),
  ledger: (s) => ({ title: s.tplLedgerTitle, purpose: s.tplLedgerPurpose }),
  visits: (s) => ({ title: s.tplVisitsTitle, purpose: s.tplVisitsPurpose }),
  projects: (s) => ({ title: s.tplProjectsTitle, purpose: s.tplProjectsPurpose }),
  diary: (s) => ({ title: s.tplDiaryTitle, purpose: s.tplDiaryPurpose }),
  annual: (s) => ({ title: s.tplAnnualTitle, purpose: s.tplAnnualPurpose }),
  accounts: (s) => ({ title: s.tplAccountsTitle, purpose: s.tplAccountsPurpose }),
};

export const templateTitle = (template: TemplateId, strings: UiStrings): string => CARD[template](strings).title;

export interface TemplateGalleryProps {
  strings: UiStrings;
  onChoose(template: TemplateId): void;
  /** Opens the manager's page (target breakdown, roll-up). */
  onTeam(): void;
}

export function TemplateGallery({ strings, onChoose, onTeam }: TemplateGalleryProps) {
  const styles = useStyles();
  return (
    <section className={styles.grid} aria-label={strings.navTemplates} data-testid="gallery">
      <Body1>{strings.galleryIntro}</Body1>
      {TEMPLATE_IDS.map((template) => (
        <Card key={template} data-testid={`template-${template}`}>
          <CardHeader header={<Text as="h2" weight="semibold">{templateTitle(template, strings)}</Text>} />
          <Body1>{CARD[template](strings).purpose}</Body1>
          <CardFooter>
            <Button appearance="primary" onClick={() => onChoose(template)} aria-label={`${strings.chooseTemplate}: ${templateTitle(template, strings)}`}>
              {strings.chooseTemplate}
            </Button>
          </CardFooter>
        </Card>
      ))}
      <Card data-testid="template-team">
        <CardHeader header={<Text as="h2" weight="semibold">{strings.tplTeamTitle}</Text>} />
        <Body1>{strings.tplTeamPurpose}</Body1>
        <CardFooter>
          <Button appearance="primary" onClick={onTeam} aria-label={`${strings.chooseTemplate}: ${strings.tplTeamTitle}`}>
            {strings.chooseTemplate}
          </Button>
        </CardFooter>
      </Card>
    </section>
  );
}
