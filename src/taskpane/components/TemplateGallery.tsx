import { Body1, Button, Card, CardFooter, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { UiStrings } from "../../i18n/uiStrings";
import type { TemplateId } from "../../templates/sheetSpec";
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

export function TemplateGallery({ strings, onChoose }: { strings: UiStrings; onChoose(template: TemplateId): void }) {
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
    </section>
  );
}
