// A labelled number input that keeps what the user typed until it is a number (or empty, when allowed).
import { Field, Input, type FieldProps, type InputProps } from "@fluentui/react-components";
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

const show = (v: number | null, scale: number) =>
  v === null ? "" : String(Number((v * scale).toFixed(8)));

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
  const [text, setText] = useState(show(value, scale));
  const [error, setError] = useState<string | null>(null);

  const change = (t: string) => {
    setText(t);
    const trimmed = t.trim();
    if (trimmed === "") {
      if (allowEmpty) {
        setError(null);
        onChange(null);
      } else setError("请填写数字");
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n)) {
      setError("请填写数字");
      return;
    }
    setError(null);
    onChange(n / scale);
  };

  return (
    <Field
      label={label}
      hint={hint}
      validationMessage={error ?? undefined}
      validationState={error ? "error" : "none"}
      size="small"
    >
      <Input
        size="small"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        contentAfter={contentAfter}
        onChange={(_e, d) => change(d.value)}
      />
    </Field>
  );
}
