import { Caption1, Field, Select, Subtitle2 } from "@fluentui/react-components";
import type { ColumnMapping, ImportField, SourceGrid } from "../../import";
import { samplesOf } from "../importForm/importModel";
import type { UiStrings } from "../strings";
import { useFormStyles } from "./formStyles";

/** The option that leaves a column out (no field key can be this). A native select: light, and fit for a 320 px pane. */
const NOT_IMPORTED = "-";

export interface ImportMappingProps {
  grid: SourceGrid;
  mapping: ColumnMapping;
  /** The source's header, one per column. */
  headers: readonly string[];
  unmapped: readonly string[];
  fields: readonly ImportField[];
  strings: UiStrings;
  disabled: boolean;
  onChange(column: number, key: string | undefined): void;
}

/** A row per source column: its header and first values, and the register's column it goes into. */
export function ImportMapping({ grid, mapping, headers, unmapped, fields, strings, disabled, onChange }: ImportMappingProps) {
  const styles = useFormStyles();
  return (
    <section className={styles.form} aria-labelledby="mapping-title" data-testid="import-mapping">
      <Subtitle2 as="h3" block id="mapping-title">
        {strings.mappingHeading}
      </Subtitle2>
      <Caption1 data-testid="header-row">
        {strings.headerRowAt(mapping.headerRow + 1)} {strings.mappingIntro}
      </Caption1>
      {headers.map((header, column) => {
        const key = mapping.targets[column];
        const samples = samplesOf(grid, mapping, column);
        return (
          <Field key={column} label={header} hint={samples.length > 0 ? strings.samples(samples) : strings.noSamples}>
            <Select
              value={key ?? NOT_IMPORTED}
              disabled={disabled}
              data-testid={`map-${column}`}
              onChange={(_, data) => onChange(column, data.value === NOT_IMPORTED ? undefined : data.value)}
            >
              <option value={NOT_IMPORTED}>{strings.notImported}</option>
              {fields.map((field) => (
                <option key={field.key} value={field.key}>
                  {field.header}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <Caption1 data-testid="unmapped-columns">{unmapped.length > 0 ? strings.unmappedColumns(unmapped) : strings.allColumnsMapped}</Caption1>
    </section>
  );
}
