// The sheet holding the 自评表: named when there is one, a picker when several sheets hold a table.
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  detected: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  sheets: string[];
  sheet: string | null;
  disabled?: boolean;
  onChange(sheet: string): void;
}

export function SheetPicker({ sheets, sheet, disabled, onChange }: Props) {
  const styles = useStyles();
  if (sheets.length === 0) return null;
  if (sheets.length === 1)
    return (
      <Text size={200} className={styles.detected}>
        自评表所在工作表：<strong>{sheets[0]}</strong>
      </Text>
    );
  return (
    <Field label="工作表" hint={`有 ${sheets.length} 个工作表含绩效指标表，请选择要检查的一个。`}>
      <Select
        value={sheet ?? sheets[0]}
        disabled={disabled}
        onChange={(_e, d) => onChange(d.value)}
      >
        {sheets.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </Field>
  );
}
