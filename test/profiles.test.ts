import {
  getProfile,
  gradeOf,
  PROFILES,
  ProfileError,
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
  it("a written 良 means 良好; 优 is not 良好", () => {
    expect(sameGrade("良", "良好")).toBe(true);
    expect(sameGrade("优", "良好")).toBe(false);
    expect(sameGrade("较差", "差")).toBe(true);
  });
  it("an unknown profile names the known ones", () =>
    expect(() => getProfile("beijing")).toThrow(/central、xicheng、hubei、sichuan/));
});
