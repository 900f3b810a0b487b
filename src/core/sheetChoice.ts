// Which table sheet to open first: a light module, so the pane can decide before the engine loads.

/**
 * Which of several table sheets to open first: the one the user chose before, else the active one, else one named
 * 附件1 or containing 自评表 (a hint, not a rule: SPEC §2), else the first.
 */
export function preferredTableSheet(
  tableSheets: string[],
  chosen?: string | null,
  active?: string | null
): string | null {
  if (chosen && tableSheets.includes(chosen)) return chosen;
  if (active && tableSheets.includes(active)) return active;
  return tableSheets.find((s) => /附件\s*1|自评表/.test(s)) ?? tableSheets[0] ?? null;
}
