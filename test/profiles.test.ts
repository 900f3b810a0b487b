import {
  getProfile,
  gradeOf,
  PROFILES,
  ProfileError,
  type Profile,
  type ProfileOverrides,
  sameGrade,
  validateProfile,
} from "../src/core/profiles";

describe("profiles", () => {
  it.each(Object.keys(PROFILES))("%s is valid as shipped", (id) =>
    expect(validateProfile(PROFILES[id])).toEqual([])
  );
  it("central grades: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (lower bounds inclusive)", () => {
    const p = getProfile("central");
    expect([95, 90, 89.99, 80, 60, 59.99].map((t) => gradeOf(t, p))).toEqual([
      "优",
      "优",
      "良",
      "良",
      "中",
      "差",
    ]);
  });
  it("xicheng 89.45 is 良好", () => expect(gradeOf(89.45, getProfile("xicheng"))).toBe("良好"));
  it("an adjusted profile is validated with Chinese messages", () => {
    expect(() => getProfile("central", { budgetWeight: 120 })).toThrow(ProfileError);
    expect(() =>
      getProfile("central", {
        grades: [
          { label: "良", min: 80 },
          { label: "优", min: 90 },
          { label: "差", min: 0 },
        ],
      })
    ).toThrow(/从高到低/);
    expect(getProfile("central", { atMostRule: "linear" }).atMostRule).toBe("linear");
  });
  it("weights that no longer add up to the total are refused", () => {
    const p = getProfile("xicheng");
    const groups = p.groups.map((g) => (g.key === "产出" ? { ...g, weight: 60 } : g));
    expect(() => getProfile("xicheng", { groups })).toThrow(/105/);
  });
  it("a written grade with spaces or quotes is still that grade; an empty one is none", () => {
    expect(sameGrade(" 良 好 ", "良好")).toBe(true);
    expect(sameGrade("“良好”", "良好")).toBe(true);
    expect(sameGrade("良好", "良好")).toBe(true);
    expect(sameGrade("", "良好")).toBe(false);
  });
  it("a written 良 means 良好; 优 is not 良好", () => {
    expect(sameGrade("良", "良好")).toBe(true);
    expect(sameGrade("优", "良好")).toBe(false);
    expect(sameGrade("较差", "差")).toBe(true);
  });
  it("an unknown profile names the known ones", () =>
    expect(() => getProfile("beijing")).toThrow(/central、xicheng、hubei、sichuan/));
});

// A stored override may hold anything (it comes back from the workbook's settings as JSON): every bad setting is
// refused with its own Chinese message, and a good one next to it is not.
describe("a bad override is refused, with a message that names the setting", () => {
  const central = PROFILES.central;
  /** validateProfile of central with some fields replaced (types loosened: stored JSON is not typed). */
  const problemsWith = (patch: Record<string, unknown>) =>
    validateProfile({ ...central, ...patch } as Profile);

  it.each([
    ["no name", { name: " " }, "评分规则名称不能为空"],
    ["total weight 0", { totalWeight: 0 }, "总分值必须是正数"],
    ["total weight as text", { totalWeight: "100" }, "总分值必须是正数"],
    ["total weight infinite", { totalWeight: Infinity }, "总分值必须是正数"],
    ["budget weight −1", { budgetWeight: -1 }, "预算执行分值必须在 0 到总分值之间"],
    ["budget weight as text", { budgetWeight: "10" }, "预算执行分值必须在 0 到总分值之间"],
    ["no group", { groups: [] }, "至少需要一个指标类别"],
    ["groups not a list", { groups: "产出" }, "至少需要一个指标类别"],
    ["no summary group", { summaryGroups: [] }, "至少需要一个汇总类别"],
    ["no grade", { grades: [] }, "至少需要一个等级"],
    ["≤ rule unknown", { atMostRule: "linear2" }, "反向指标计分规则只能是 ratio 或 linear"],
    ["over-achievement factor 1", { overAchievementFactor: 1 }, "超额完成倍数应大于 1"],
    ["over-achievement factor as text", { overAchievementFactor: "2" }, "超额完成倍数应大于 1"],
    ["reason threshold 101", { reasonBudgetThreshold: 101 }, "预算执行率说明阈值应在 0–100 之间"],
    ["reason threshold −1", { reasonBudgetThreshold: -1 }, "预算执行率说明阈值应在 0–100 之间"],
    [
      "reason threshold as text",
      { reasonBudgetThreshold: "90" },
      "预算执行率说明阈值应在 0–100 之间",
    ],
    [
      "3 decimals",
      { rounding: { decimals: 3, mode: "halfUp" } },
      "得分保留位数应为 0、1 或 2，方式为四舍五入或截断",
    ],
    [
      "rounding up",
      { rounding: { decimals: 2, mode: "up" } },
      "得分保留位数应为 0、1 或 2，方式为四舍五入或截断",
    ],
    ["no rounding", { rounding: null }, "得分保留位数应为 0、1 或 2，方式为四舍五入或截断"],
    ["不适用 as text", { notApplicable: "yes" }, "“不适用指标”只能是“是”或“否”"],
    ["fixed decimals as 1", { summaryFixedDecimals: 1 }, "“汇总保留固定小数”只能是“是”或“否”"],
    [
      "strict weights missing",
      { groupWeightsStrict: undefined },
      "“类别分值是否严格”只能是“是”或“否”",
    ],
  ])("%s", (_name, patch, message) => {
    expect(problemsWith(patch)).toEqual([message]);
    expect(() => getProfile("central", patch as ProfileOverrides)).toThrow(
      `评分规则设置有误：${message}`
    );
  });

  it("several mistakes: every message, separated by ；", () =>
    expect(() => getProfile("central", { budgetWeight: -1, atMostRule: "x" as never })).toThrow(
      "评分规则设置有误：预算执行分值必须在 0 到总分值之间；反向指标计分规则只能是 ratio 或 linear"
    ));
  it("a name that is not text", () =>
    expect(problemsWith({ name: 5 })).toEqual(["评分规则名称不能为空"]));
  it("budget weight above the total: 120 of 100", () =>
    expect(problemsWith({ budgetWeight: 120 })).toContain("预算执行分值必须在 0 到总分值之间"));
  it("budget weight equal to the total is allowed when no group has a fixed weight", () => {
    const groups = central.groups.map((g) => ({ ...g, weight: null }));
    expect(problemsWith({ budgetWeight: 100, groups })).toEqual([]);
    expect(problemsWith({ budgetWeight: 0, groups })).toEqual([]);
  });

  describe("groups", () => {
    const withGroup = (i: number, patch: Record<string, unknown>) =>
      problemsWith({ groups: central.groups.map((g, k) => (k === i ? { ...g, ...patch } : g)) });
    it("an empty match word (it would match every indicator)", () =>
      expect(withGroup(0, { match: [""] })).toEqual(["类别“产出”缺少匹配词"]));
    it("no match word", () =>
      expect(withGroup(0, { match: [] })).toEqual(["类别“产出”缺少匹配词"]));
    it("match words not a list", () =>
      expect(withGroup(0, { match: "产出" })).toEqual(["类别“产出”缺少匹配词"]));
    it("no key", () => expect(withGroup(2, { key: "" })).toContain("类别“?”缺少匹配词"));
    it("the same key twice", () =>
      expect(withGroup(2, { key: "效益" })).toContain("类别“效益”重复"));
    it("a negative weight (the sum still says 100)", () => {
      const groups = central.groups.map((g) => ({ ...g, weight: null }));
      groups[0] = { ...groups[0], weight: -5 } as never;
      expect(problemsWith({ groups })).toEqual(["类别“产出”的分值必须是非负数或留空"]);
    });
    it("an infinite or textual weight next to a free group", () => {
      for (const weight of [Infinity, "50", Number.NaN]) {
        const groups = central.groups.map((g, k) =>
          k === 0 ? { ...g, weight } : { ...g, weight: null }
        );
        expect(problemsWith({ groups })).toEqual(["类别“产出”的分值必须是非负数或留空"]);
      }
    });
    it("a weight of 0 is allowed (a category the region does not score)", () => {
      const groups = central.groups.map((g) =>
        g.key === "满意度" ? { ...g, weight: 0 } : g.key === "效益" ? { ...g, weight: 40 } : g
      );
      expect(problemsWith({ groups })).toEqual([]);
    });
    it("required 二级 categories that are not words", () =>
      expect(withGroup(0, { requiredLevel2: ["数量", ""] })).toEqual([
        "类别“产出”的必备二级指标设置有误",
      ]));
    it("a match word that is not text, or one empty word among good ones", () => {
      expect(withGroup(0, { match: [3] })).toEqual(["类别“产出”缺少匹配词"]);
      expect(withGroup(0, { match: ["产出", ""] })).toEqual(["类别“产出”缺少匹配词"]);
    });
    it("a group written as a word instead of a setting", () =>
      expect(problemsWith({ groups: [...central.groups, "产出"] })).toEqual(["指标类别设置有误"]));
    it("a negative weight among fixed ones: one message, not also a wrong sum", () => {
      const groups = central.groups.map((g) => (g.key === "产出" ? { ...g, weight: -5 } : g));
      expect(problemsWith({ groups })).toEqual(["类别“产出”的分值必须是非负数或留空"]);
    });
    it("an infinite weight among fixed ones: one message", () => {
      const groups = central.groups.map((g) => (g.key === "产出" ? { ...g, weight: Infinity } : g));
      expect(problemsWith({ groups })).toEqual(["类别“产出”的分值必须是非负数或留空"]);
    });
    it("a weight of 0 still counts in the sum: 10 + 50 + 30 + 0 = 90", () => {
      const groups = central.groups.map((g) => (g.key === "满意度" ? { ...g, weight: 0 } : g));
      expect(problemsWith({ groups })).toEqual([
        "预算执行分值与各类别分值之和为 90，应等于总分值 100",
      ]);
    });
    it("a null entry in the list", () =>
      expect(problemsWith({ groups: [...central.groups, null] })).toEqual(["指标类别设置有误"]));
    it("weights that add up to 95 with the budget", () => {
      const groups = central.groups.map((g) => (g.key === "产出" ? { ...g, weight: 45 } : g));
      expect(problemsWith({ groups })).toEqual([
        "预算执行分值与各类别分值之和为 95，应等于总分值 100",
      ]);
    });
    it("weights that add up to 100 with a total of 120", () =>
      expect(problemsWith({ totalWeight: 120 })).toEqual([
        "预算执行分值与各类别分值之和为 100，应等于总分值 120",
      ]));
    it("one free group: the sum is not checked", () => {
      const groups = central.groups.map((g) => (g.key === "产出" ? { ...g, weight: null } : g));
      expect(problemsWith({ groups })).toEqual([]);
    });
  });

  describe("summary groups", () => {
    it("a part naming no group of the profile (it would always print 0)", () =>
      expect(
        problemsWith({
          summaryGroups: [...central.summaryGroups, { label: "社会效益", groups: ["社会"] }],
        })
      ).toEqual(["汇总类别“社会效益”不含本评分规则的任何指标类别"]));
    it("a part without a label", () =>
      expect(problemsWith({ summaryGroups: [{ label: "", groups: ["产出"] }] })).toEqual([
        "汇总类别名称不能为空",
      ]));
    it("a part with no group", () =>
      expect(problemsWith({ summaryGroups: [{ label: "项目产出", groups: [] }] })).toEqual([
        "汇总类别“项目产出”不含本评分规则的任何指标类别",
      ]));
    it("项目效益 = 效益 + 可持续影响 is valid under central too, which has no 可持续影响 group", () =>
      expect(problemsWith({ summaryGroups: PROFILES.xicheng.summaryGroups })).toEqual([]));
    it("a null part", () =>
      expect(problemsWith({ summaryGroups: [null] })).toEqual(["汇总类别名称不能为空"]));
  });

  describe("grades", () => {
    const g = (...bands: [string, unknown][]) => ({
      grades: bands.map(([label, min]) => ({ label, min })),
    });
    it("bounds not from high to low", () =>
      expect(problemsWith(g(["良", 80], ["优", 90], ["差", 0]))).toEqual([
        "等级下限必须从高到低排列且互不相同",
      ]));
    it("two grades with the same bound", () =>
      expect(problemsWith(g(["优", 80], ["良", 80], ["差", 0]))).toEqual([
        "等级下限必须从高到低排列且互不相同",
      ]));
    it("the lowest grade above 0 (a total of 10 would have no grade)", () =>
      expect(problemsWith(g(["优", 90], ["差", 60]))).toEqual(["最低等级的下限应为 0"]));
    it("a bound as text", () =>
      expect(problemsWith(g(["优", "90"], ["差", 0]))).toEqual(["等级下限必须是数字"]));
    it("a bound above the total weight (a grade no form can reach)", () =>
      expect(problemsWith(g(["优", 120], ["差", 0]))).toEqual(["等级下限 120 超过总分值 100"]));
    it("a bound equal to the total weight is reachable", () =>
      expect(problemsWith(g(["满分", 100], ["差", 0]))).toEqual([]));
    it("a grade that is not a setting", () =>
      expect(problemsWith({ grades: [{ label: "优", min: 90 }, null] })).toEqual([
        "等级下限必须是数字",
      ]));
    it("a label that is not text", () =>
      expect(problemsWith(g(["优", 90], [0 as never, 0]))).toEqual(["等级名称不能为空"]));
    it("an empty label", () =>
      expect(problemsWith(g(["优", 90], [" ", 0]))).toEqual(["等级名称不能为空"]));
    it("one grade from 0 is enough", () => expect(problemsWith(g(["合格", 0]))).toEqual([]));
  });

  describe("qualitative bands", () => {
    const bands = (achieved: unknown, partial: unknown) =>
      problemsWith({ qualitativeBands: { achieved, partial } });
    const message = "定性指标档位应满足 0 < 部分达成下限 < 达成下限 ≤ 1";
    it.each([
      ["partial 0", 0.8, 0],
      ["partial above achieved", 0.6, 0.8],
      ["partial equal to achieved", 0.8, 0.8],
      ["achieved above 1", 1.2, 0.6],
      ["as text", "0.8", "0.6"],
      ["missing", undefined, 0.6],
    ])("%s", (_name, achieved, partial) => expect(bands(achieved, partial)).toEqual([message]));
    it("achieved at 1 (only full marks count as achieved) is allowed", () =>
      expect(bands(1, 0.6)).toEqual([]));
    it("no bands at all", () =>
      expect(problemsWith({ qualitativeBands: null })).toEqual([message]));
  });

  it("edges that are allowed: threshold 0 and 100, factor 1.01, integers, truncation", () => {
    expect(problemsWith({ reasonBudgetThreshold: 0 })).toEqual([]);
    expect(problemsWith({ reasonBudgetThreshold: 100 })).toEqual([]);
    expect(problemsWith({ overAchievementFactor: 1.01 })).toEqual([]);
    expect(problemsWith({ rounding: { decimals: 0, mode: "truncate" } })).toEqual([]);
    expect(problemsWith({ atMostRule: "linear" })).toEqual([]);
  });
});
