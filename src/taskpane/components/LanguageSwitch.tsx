import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { isLocale, LOCALES, type Locale } from "../../contract/locale";

/** Each option is labelled in its own language, so a user who cannot read the current one still finds theirs. */
const OWN_NAMES: Record<Locale, string> = { "zh-CN": "中文", "en-US": "English" };

export interface LanguageSwitchProps {
  locale: Locale;
  label: string;
  onChange(locale: Locale): void;
  disabled?: boolean;
}

/** A choice between the two languages: the pane's own, or the language a sheet is written in. */
export function LanguageSwitch({ locale, label, onChange, disabled }: LanguageSwitchProps) {
  return (
    <Field label={label}>
      <RadioGroup
        layout="horizontal"
        value={locale}
        disabled={disabled}
        onChange={(_, data) => {
          if (isLocale(data.value)) onChange(data.value);
        }}
      >
        {LOCALES.map((l) => (
          <Radio key={l} value={l} label={OWN_NAMES[l]} lang={l} />
        ))}
      </RadioGroup>
    </Field>
  );
}
