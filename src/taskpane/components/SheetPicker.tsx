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
  /** No sheet holds a table: every sheet, to choose the form's and see what it lacks. */
  noTable?: { all: string[]; chosen: string | null };
}

export function SheetPicker({ sheets, sheet, disabled, onChange, noTable }: Props) {
  const styles = useStyles();
  if (sheets.length === 0 && noTable && noTable.all.length > 1)
    return (
      <Field
        label="工作表"
        validationState="warning"
        validationMessage="没有一张工作表含绩效指标表。选择自评表所在的工作表，可看到它缺少什么。"
      >
        <Select
          value={noTable.chosen ?? ""}
          disabled={disabled}
          onChange={(_e, d) => onChange(d.value)}
        >
          <option value="" disabled>
            请选择…
          </option>
          {noTable.all.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
    );
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
