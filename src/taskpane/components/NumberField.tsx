// A labelled number input that shows its `value`, and what the user typed while that is not (yet) a number: a new
// `value` from outside (放弃修改, 恢复默认) replaces the typing.
import {
  Field,
  Input,
  makeStyles,
  type FieldProps,
  type InputProps,
} from "@fluentui/react-components";
import { useState } from "react";

interface Props {
  label: FieldProps["label"];
  value: number | null;
  onChange(value: number | null): void;
  /** Empty means null (e.g. a group weight that is not fixed). */
  allowEmpty?: boolean;
  /** Shown ×scale (100: a fraction shown as a percentage). */
  scale?: number;
  contentAfter?: InputProps["contentAfter"];
  hint?: string;
  disabled?: boolean;
}

// a box as wide as its column and never wider (an <input> is 20 characters wide by default: it would push a
// narrow column, the 下限 of the grades, out of its card at 350 px)
export const useFitStyles = makeStyles({
  field: { minWidth: 0 },
  root: { width: "100%", minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

const show = (v: number | null, scale: number) =>
  v === null ? "" : String(Number((v * scale).toFixed(8)));

/** What the user typed, the problem with it, and the value it was typed over (or produced). */
interface Typing {
  text: string;
  error: string | null;
  value: number | null;
}

export function NumberField({
  label,
  value,
  onChange,
  allowEmpty,
  scale = 1,
  contentAfter,
  hint,
  disabled,
}: Props) {
  const fit = useFitStyles();
  const [typing, setTyping] = useState<Typing | null>(null);
  // the typing shows while `value` is still the one it was typed over or produced
  const current = typing !== null && Object.is(typing.value, value) ? typing : null;
  const text = current ? current.text : show(value, scale);
  const error = current?.error ?? null;

  const change = (t: string) => {
    const trimmed = t.trim();
    const n = trimmed === "" ? (allowEmpty ? null : NaN) : Number(trimmed);
    if (n !== null && !Number.isFinite(n)) {
      setTyping({ text: t, error: "请填写数字", value });
      return;
    }
    const next = n === null ? null : n / scale;
    setTyping({ text: t, error: null, value: next });
    onChange(next);
  };

  return (
    <Field
      label={label}
      hint={hint}
      validationMessage={error ?? undefined}
      validationState={error ? "error" : "none"}
      size="small"
      className={fit.field}
    >
      <Input
        size="small"
        className={fit.root}
        input={{ className: fit.input }}
        inputMode="decimal"
        value={text}
        disabled={disabled}
        contentAfter={contentAfter}
        onChange={(_e, d) => change(d.value)}
      />
    </Field>
  );
}
