// Settings kept with the workbook (host.saveSettings / loadSettings) so colleagues opening it get the same
// profile, overrides, sheet and options.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { StoredSettings } from "../../core/host";
import {
  AUTO_PROFILE,
  DEFAULT_PROFILE_ID,
  getProfile,
  PROFILES,
  type Profile,
} from "../../core/profiles";
import { useHost } from "../context";
import { useStatus } from "./useStatus";

// a new workbook's rules are read off the form itself (the engine's detectProfile), as the CLI does
const DEFAULT_SETTINGS: StoredSettings = { profileId: AUTO_PROFILE };

export interface SettingsApi {
  /** False until loadSettings answered. */
  ready: boolean;
  stored: StoredSettings;
  /** The profile in force: the stored one with its overrides (under `auto`, the fallback until a check detects one). */
  profile: Profile;
  /** The rules are chosen from the form at each check (自动识别). */
  auto: boolean;
  /** Why the stored settings could not be used as they are (the base profile is used instead). */
  problem: string | null;
  /** Merges `patch` into the settings and saves them with the workbook. Resolves true when saved. */
  update(patch: Partial<StoredSettings>): Promise<boolean>;
}

function resolveProfile(
  stored: Pick<StoredSettings, "profileId" | "overrides">,
  /** Where the settings were kept, for the messages: 工作簿中 (Excel, WPS) or 本浏览器为此文件 (the web page). */
  where = "工作簿中"
): {
  profile: Profile;
  problem: string | null;
} {
  if (stored.profileId === AUTO_PROFILE)
    return { profile: getProfile(DEFAULT_PROFILE_ID), problem: null };
  const id = PROFILES[stored.profileId] ? stored.profileId : DEFAULT_PROFILE_ID;
  const unknown =
    id !== stored.profileId
      ? `${where}保存的评分规则“${stored.profileId}”不存在，已改用“${PROFILES[id].name}”。`
      : null;
  try {
    return { profile: getProfile(id, stored.overrides), problem: unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      profile: getProfile(id),
      problem: `${where}保存的规则调整无法使用（${msg}），暂按“${PROFILES[id].name}”默认设置检查。请在“调整评分规则”中重新设置并保存。`,
    };
  }
}

export function useSettings(): SettingsApi {
  const host = useHost();
  const { run } = useStatus();
  const [ready, setReady] = useState(false);
  const [stored, setStored] = useState<StoredSettings>(DEFAULT_SETTINGS);
  const latest = useRef(stored);

  useEffect(() => {
    let live = true;
    void run("正在读取设置…", () => host.loadSettings(), { quiet: true }).then((s) => {
      if (!live) return;
      if (s && typeof s.profileId === "string") {
        latest.current = s;
        setStored(s);
      }
      setReady(true);
    });
    return () => {
      live = false;
    };
  }, [host, run]);

  const update = useCallback(
    async (patch: Partial<StoredSettings>) => {
      const next: StoredSettings = { ...latest.current, ...patch };
      for (const k of Object.keys(next) as (keyof StoredSettings)[])
        if (next[k] === undefined) delete next[k];
      latest.current = next;
      setStored(next);
      const ok = await run("正在保存设置…", async () => {
        await host.saveSettings(next);
        return true;
      });
      return ok === true;
    },
    [host, run]
  );

  // a new profile object only when the rules change (not for the sheet or 实时检查): it re-checks
  const { profileId, overrides } = stored;
  const { profile, problem } = useMemo(
    () =>
      resolveProfile(
        { profileId, overrides },
        host.kind === "file" ? "本浏览器为此文件" : "工作簿中"
      ),
    [profileId, overrides, host.kind]
  );
  return { ready, stored, profile, problem, auto: profileId === AUTO_PROFILE, update };
}
