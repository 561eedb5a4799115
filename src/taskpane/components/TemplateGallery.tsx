import { Body1, Button, Card, CardFooter, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UiStrings } from "../strings";
import type { TemplateId } from "../../spec/sheetSpec";
import { GALLERY_ORDER } from "../templateForms/formModel";

const useStyles = makeStyles({
  grid: { display: "grid", rowGap: tokens.spacingVerticalM },
});

export function templateTitle(template: TemplateId, strings: UiStrings): string {
  return {
    weekly: strings.tplWeeklyTitle,
    monthly: strings.tplMonthlyTitle,
    customers: strings.tplCustomersTitle,
    contracts: strings.tplContractsTitle,
  }[template];
}

function templatePurpose(template: TemplateId, strings: UiStrings): string {
  return {
    weekly: strings.tplWeeklyPurpose,
    monthly: strings.tplMonthlyPurpose,
    customers: strings.tplCustomersPurpose,
    contracts: strings.tplContractsPurpose,
  }[template];
}

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
      {GALLERY_ORDER.map((template) => (
        <Card key={template} data-testid={`template-${template}`}>
          <CardHeader header={<Text as="h2" weight="semibold">{templateTitle(template, strings)}</Text>} />
          <Body1>{templatePurpose(template, strings)}</Body1>
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
