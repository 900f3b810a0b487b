// Profile picker (central/xicheng/hubei/sichuan) and, folded away, the editor of its settings.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  AUTO_PROFILE,
  PROFILE_IDS,
  PROFILES,
  type Profile,
  type ProfileOverrides,
} from "../../core/profiles";
import { lazy, Suspense } from "react";

// the rules editor opens on demand (调整评分规则): its chunk stays out of the start-up code
const ProfileEditor = lazy(() =>
  import(/* webpackChunkName: "profile-editor" */ "./ProfileEditor").then((m) => ({
    default: m.ProfileEditor,
  }))
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

interface Props {
  /** The profile in force (under 自动识别, the one the last check detected). */
  profile: Profile;
  /** 自动识别: the rules are chosen from the form at each check. */
  auto: boolean;
  /** Which rules the last check used and why, from the engine. */
  reason: string | null;
  customised: boolean;
  problem: string | null;
  disabled?: boolean;
  onProfileChange(id: string): void;
  onSaveOverrides(overrides: ProfileOverrides | undefined): void;
}

export function ProfilePanel({
  profile,
  auto,
  reason,
  customised,
  problem,
  disabled,
  onProfileChange,
  onSaveOverrides,
}: Props) {
  const styles = useStyles();
  const unconfirmed = profile.unconfirmed.length;
  return (
    <div className={styles.root}>
      <Field
        label="评分规则"
        hint={
          [reason, unconfirmed ? `有 ${unconfirmed} 项设置待确认，请在“调整评分规则”中核实。` : ""]
            .filter(Boolean)
            .join("") || undefined
        }
      >
        <Select
          value={auto ? AUTO_PROFILE : profile.id}
          disabled={disabled}
          onChange={(_e, d) => onProfileChange(d.value)}
        >
          <option value={AUTO_PROFILE}>
            {auto && reason ? `自动识别（${profile.name}）` : "自动识别（按表中主管部门、分值等）"}
          </option>
          {PROFILE_IDS.map((id) => (
            <option key={id} value={id}>
              {PROFILES[id].name}
            </option>
          ))}
        </Select>
      </Field>
      {problem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Accordion collapsible>
        <AccordionItem value="edit">
          <AccordionHeader size="small">
            <span className={styles.header}>
              调整评分规则
              {customised && (
                <Badge appearance="tint" color="brand" size="small">
                  已调整
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <Suspense fallback={<Spinner size="tiny" />}>
              <ProfileEditor profile={profile} disabled={disabled} onSave={onSaveOverrides} />
            </Suspense>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
