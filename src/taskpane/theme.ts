// Fluent's light theme with a font stack that renders Simplified Chinese well on Windows, Mac and Linux.
import { webLightTheme, type Theme } from "@fluentui/react-components";

const CJK_FONTS = `"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif`;

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: CJK_FONTS,
};
