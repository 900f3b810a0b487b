// Editor of the profile's settings (SPEC §8). Every value is checked with core's validateProfile; settings the
// profile marks unconfirmed carry a 待确认 badge.
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  overridesOf,
  PROFILES,
  validateProfile,
  type Profile,
  type ProfileOverrides,
} from "../../core/profiles";
import { useHost } from "../context";
import { NumberField, useFitStyles } from "./NumberField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    minWidth: 0,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  gradeRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 88px)",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
  },
  actions: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
  },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Profile fields the unconfirmed list names, and where the 待确认 badge goes. */
function Unconfirmed({ profile, field }: { profile: Profile; field: string }) {
  if (!profile.unconfirmed.includes(field)) return null;
  return (
    <Badge
      appearance="tint"
      color="warning"
      size="small"
      title="这是根据公开资料推测的设置，请按本地文件核实"
    >
      待确认
    </Badge>
  );
}

function withBadge(text: string, profile: Profile, field: string): JSX.Element {
  return (
    <>
      {text} <Unconfirmed profile={profile} field={field} />
    </>
  );
}

/** Same setting: settings are plain data (numbers, strings, arrays and objects of them). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameSettings(a: Profile, b: Profile): boolean {
  return (Object.keys(a) as (keyof Profile)[]).every((k) => same(a[k], b[k]));
}

interface Props {
  profile: Profile;
  disabled?: boolean;
  onSave(overrides: ProfileOverrides | undefined): void;
}

export function ProfileEditor({ profile, disabled, onSave }: Props) {
  const styles = useStyles();
  const fit = useFitStyles();
  const host = useHost();
  // the web page keeps settings per file name in the browser (services/fileHost.ts), not in the file
  const web = host.kind === "file" && "fileName" in host ? String(host.fileName) : null;
  // the user's edits, made over `base`; a new profile (another one chosen, or saved) starts a fresh draft
  const [edit, setEdit] = useState<{ base: Profile; draft: Profile } | null>(null);
  const draft = edit !== null && edit.base === profile ? edit.draft : profile;
  const problems = useMemo(() => validateProfile(draft), [draft]);
  const dirty = draft !== profile && !sameSettings(draft, profile);
  const customised = overridesOf(profile) !== undefined;
  const set = (patch: Partial<Profile>) =>
    setEdit((e) => ({
      base: profile,
      draft: { ...(e !== null && e.base === profile ? e.draft : profile), ...patch },
    }));
  const resetTo = (p: Profile) => setEdit({ base: profile, draft: p });

  return (
    <div className={styles.root}>
      <div className={styles.grid}>
        <NumberField
          label="总分值"
          value={draft.totalWeight}
          onChange={(v) => set({ totalWeight: v ?? NaN })}
        />
        <NumberField
          label="预算执行分值"
          value={draft.budgetWeight}
          onChange={(v) => set({ budgetWeight: v ?? NaN })}
        />
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          各类指标分值 <Unconfirmed profile={draft} field="groups" />
        </legend>
        <div className={styles.grid}>
          {draft.groups.map((g, i) => (
            <NumberField
              key={g.key}
              label={`${g.key}指标`}
              value={g.weight}
              allowEmpty
              hint={g.weight === null ? "不固定" : undefined}
              onChange={(v) =>
                set({ groups: draft.groups.map((x, j) => (j === i ? { ...x, weight: v } : x)) })
              }
            />
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          绩效等级（总分不低于下限） <Unconfirmed profile={draft} field="grades" />
        </legend>
        {draft.grades.map((g, i) => (
          <div className={styles.gradeRow} key={i}>
            <Field label={`第 ${i + 1} 档名称`} size="small" className={fit.field}>
              <Input
                size="small"
                className={fit.root}
                input={{ className: fit.input }}
                value={g.label}
                onChange={(_e, d) =>
                  set({
                    grades: draft.grades.map((x, j) => (j === i ? { ...x, label: d.value } : x)),
                  })
                }
              />
            </Field>
            <NumberField
              label="下限"
              value={g.min}
              onChange={(v) =>
                set({ grades: draft.grades.map((x, j) => (j === i ? { ...x, min: v ?? NaN } : x)) })
              }
            />
          </div>
        ))}
      </fieldset>

      <Field label={withBadge("反向指标（≤）超出目标时的得分", draft, "atMostRule")} size="small">
        <Select
          size="small"
          value={draft.atMostRule}
          onChange={(_e, d) => set({ atMostRule: d.value === "linear" ? "linear" : "ratio" })}
        >
          <option value="ratio">按比例：分值 × 目标 ÷ 实际</option>
          <option value="linear">线性扣分：超出几成扣几成，超出一倍得 0 分</option>
        </Select>
      </Field>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>
          定性指标得分档位（占分值） <Unconfirmed profile={draft} field="qualitativeBands" />
        </legend>
        <div className={styles.grid}>
          <NumberField
            label="达成：不低于"
            value={draft.qualitativeBands.achieved}
            scale={100}
            contentAfter="%"
            onChange={(v) =>
              set({ qualitativeBands: { ...draft.qualitativeBands, achieved: v ?? NaN } })
            }
          />
          <NumberField
            label="部分达成：不低于"
            value={draft.qualitativeBands.partial}
            scale={100}
            contentAfter="%"
            onChange={(v) =>
              set({ qualitativeBands: { ...draft.qualitativeBands, partial: v ?? NaN } })
            }
          />
        </div>
      </fieldset>

      <div className={styles.grid}>
        <NumberField
          label={withBadge("超额完成提示倍数", draft, "overAchievementFactor")}
          value={draft.overAchievementFactor}
          contentAfter="倍"
          onChange={(v) => set({ overAchievementFactor: v ?? NaN })}
        />
        <NumberField
          label={withBadge("执行率低于此值需说明", draft, "reasonBudgetThreshold")}
          value={draft.reasonBudgetThreshold}
          contentAfter="%"
          onChange={(v) => set({ reasonBudgetThreshold: v ?? NaN })}
        />
        <Field label={withBadge("得分保留小数", draft, "rounding")} size="small">
          <Select
            size="small"
            value={String(draft.rounding.decimals)}
            onChange={(_e, d) =>
              set({ rounding: { ...draft.rounding, decimals: Number(d.value) } })
            }
          >
            <option value="2">2 位</option>
            <option value="1">1 位</option>
            <option value="0">取整</option>
          </Select>
        </Field>
        <Field label="取舍方式" size="small">
          <Select
            size="small"
            value={draft.rounding.mode}
            onChange={(_e, d) =>
              set({
                rounding: {
                  ...draft.rounding,
                  mode: d.value === "truncate" ? "truncate" : "halfUp",
                },
              })
            }
          >
            <option value="halfUp">四舍五入</option>
            <option value="truncate">截断</option>
          </Select>
        </Field>
      </div>

      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>设置有误，改正后才能保存：{problems.join("；")}。</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.actions}>
        <Button
          appearance="primary"
          size="small"
          disabled={disabled || !dirty || problems.length > 0}
          onClick={() => onSave(overridesOf(draft))}
        >
          保存设置
        </Button>
        <Button size="small" disabled={disabled || !dirty} onClick={() => resetTo(profile)}>
          放弃修改
        </Button>
        <Button
          size="small"
          disabled={disabled || (!customised && !overridesOf(draft))}
          onClick={() => resetTo(PROFILES[profile.id])}
        >
          恢复默认
        </Button>
      </div>
      <Text size={200} className={styles.note}>
        {web
          ? `设置保存在本浏览器中，只用于名为“${web}”的文件；下载的文件也带上这些设置（用 Excel 加载项或本网页打开时沿用）。`
          : "设置保存在工作簿中，同事打开此工作簿时使用相同的设置。"}
      </Text>
    </div>
  );
}
