import { makeStyles, tokens } from "@fluentui/react-components";

/** The pane's one form layout: fields stacked, buttons in a row that wraps at 320 px. */
export const useFormStyles = makeStyles({
  form: { display: "grid", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
});
