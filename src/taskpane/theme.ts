// Fluent's light theme with a font stack that renders Simplified Chinese well on Windows, Mac and Linux.
import { tokens, webLightTheme, type GriffelStyle, type Theme } from "@fluentui/react-components";

const CJK_FONTS = `"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif`;

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: CJK_FONTS,
};

/** A card of the pane: the same surface, spacing and corners everywhere (elevation given by the caller). */
export function cardStyle(shadow: string = tokens.shadow2): GriffelStyle {
  return {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: shadow,
  };
}
