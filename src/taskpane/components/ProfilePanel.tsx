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
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PROFILE_IDS, PROFILES, type Profile, type ProfileOverrides } from "../../core/profiles";
import { ProfileEditor } from "./ProfileEditor";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

interface Props {
  profile: Profile;
  customised: boolean;
  problem: string | null;
  disabled?: boolean;
  onProfileChange(id: string): void;
  onSaveOverrides(overrides: ProfileOverrides | undefined): void;
}

export function ProfilePanel({
  profile,
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
          unconfirmed ? `有 ${unconfirmed} 项设置待确认，请在“调整评分规则”中核实。` : undefined
        }
      >
        <Select
          value={profile.id}
          disabled={disabled}
          onChange={(_e, d) => onProfileChange(d.value)}
        >
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
            <ProfileEditor profile={profile} disabled={disabled} onSave={onSaveOverrides} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
