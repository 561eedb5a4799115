import { makeStyles, tokens } from "@fluentui/react-components";
import type { Locale } from "../../i18n/locale";
import { functionCatalog } from "../functionCatalog";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "grid", rowGap: tokens.spacingVerticalXXS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function FunctionList({ locale }: { locale: Locale }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="function-list">
      {functionCatalog.map((fn) => (
        <li key={fn.id}>
          <code className={styles.code}>{fn.formulaName[locale]}</code>
        </li>
      ))}
    </ul>
  );
}
