import { qualitativeBand, inBand } from "../score";
import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

const BAND_NAMES = { achieved: "达成", partial: "部分达成", notAchieved: "未达成" } as const;

export const scoreBand = defineRule({
  meta: {
    code: "SCORE_BAND",
    severity: "error",
    title: "定性指标得分不在档位内",
    docs:
      "定性指标的得分应落在实际完成情况所属档位内（中央规则：达成 80%–100%、部分达成 60%–80%、未达成 0–60% 的分值；湖北 80/50）。" +
      "得分是评价人在档位内的判断，只核对、不改写。实际完成情况无法归档时给出警告（没有分值列时不报，因为无档可查）。",
    source: "SPEC §3（定性表述的三档）、§4（定性指标档位）",
  },
  messages: {
    outOfBand: {
      severity: "error",
      text: "{name}实际为“{band}”，得分应在{range}之间，现为{score}分：请调整得分或完成情况的表述。",
    },
    unclassified: {
      severity: "warning",
      text: "{name}的实际完成情况“{actual}”无法判断属于哪一档：请写成“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators) {
      if (i.kind !== "qualitative" || i.weight === null) continue;
      const name = quoted(i.name);
      if (!i.band) {
        report({
          messageId: "unclassified",
          cell: i.cells.actual,
          data: { name, actual: i.actual.raw || "（空）" },
        });
        continue;
      }
      if (!i.scoreUsable || i.score === null) continue;
      const b = qualitativeBand(i.band, i.weight, model.profile);
      if (inBand(i.score, b)) continue;
      report({
        messageId: "outOfBand",
        cell: i.cells.score,
        data: {
          name,
          band: BAND_NAMES[i.band],
          range: `${fmt(b.lo)}${b.hiInclusive ? "–" : "至不足"}${fmt(b.hi)}分`,
          score: fmt(i.score),
        },
      });
    }
  },
});
