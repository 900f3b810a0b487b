// How rule messages print numbers and names.
import { formatNumber, type Numeric } from "../decimal";
import type { Profile } from "../profiles";

/** A score, weight or amount in a message: at most 2 decimals, no trailing zeros. */
export const fmt = (x: Numeric): string => formatNumber(x, 2);

/** A name in “ ”, its own double quotes turned single as Chinese typesetting nests them: “‘西城科普进行时’公众号…”. */
export function quoted(text: string): string {
  return `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;
}

/** 优秀≥90，良好≥80，中等≥60，较差 */
export function describeBands(profile: Profile): string {
  return profile.grades.map((g) => `${g.label}${g.min > 0 ? `≥${g.min}` : ""}`).join("，");
}
