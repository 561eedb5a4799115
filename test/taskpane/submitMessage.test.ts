import { serialFromYmd } from "../../src/domain/calendar";
import { uiStrings } from "../../src/taskpane/strings";
import { submitMessage } from "../../src/taskpane/submitMessage";

/** What the pane says after 提交, in both languages: times as the rep reads them, whatever the cell held. */

const DEADLINE = serialFromYmd(2026, 11, 22) + 17 / 24;
const zh = uiStrings("zh-CN");
const en = uiStrings("en-US");
const sheet = "周计划-李四-2026W48";

describe("submitMessage", () => {
  test("a stamp: the time, the deadline and the verdict; a replaced time named", () => {
    const at = DEADLINE - 55 / 1440;
    expect(submitMessage({ sheet, kind: "stamped", at, deadline: DEADLINE, late: false }, zh)).toBe(
      "已在“周计划-李四-2026W48”记录提交时间 2026-11-22 16:05（提交截止 2026-11-22 17:00，按时）。",
    );
    expect(submitMessage({ sheet, kind: "stamped", at: DEADLINE + 1 / 24, deadline: DEADLINE, late: true, replaced: at }, en)).toBe(
      `Submitted time 2026-11-22 18:00 recorded on "${sheet}" (due 2026-11-22 17:00: late). It replaces the earlier "2026-11-22 16:05".`,
    );
    expect(submitMessage({ sheet, kind: "stamped", at }, zh)).toBe("已在“周计划-李四-2026W48”记录提交时间 2026-11-22 16:05。");
  });

  test("a cell already filled shows what it holds: a time, a text, a formula, or a number that is no date", () => {
    expect(submitMessage({ sheet, kind: "alreadyStamped", held: DEADLINE }, zh)).toContain("已记录提交时间“2026-11-22 17:00”");
    expect(submitMessage({ sheet, kind: "alreadyStamped", held: "周日下午交" }, zh)).toContain("“周日下午交”");
    expect(submitMessage({ sheet, kind: "alreadyStamped", held: "=NOW()" }, en)).toContain('"=NOW()"');
    expect(submitMessage({ sheet, kind: "alreadyStamped", held: 5 }, en)).toContain('submitted time "5"');
    expect(submitMessage({ sheet, kind: "stamped", at: DEADLINE, deadline: 3, late: true }, en)).toContain("(due 3: late)");
  });

  test("the refusals say what to do", () => {
    expect(submitMessage({ sheet: "Sheet1", kind: "notWeekly", monthly: false }, zh)).toBe("当前工作表“Sheet1”不是周计划。请切换到要提交的周计划工作表，再点击“提交”。");
    expect(submitMessage({ sheet: "月计划-李四-2026-11", kind: "notWeekly", monthly: true }, en)).toContain("(monthly plans are not submitted)");
    expect(submitMessage({ sheet, kind: "several", keys: ["W1", "W2"] }, zh)).toContain("有 2 份周计划");
    expect(submitMessage({ sheet, kind: "broken", key: "W1", name: "SP_W1_SUBMITTED", missing: true }, zh)).toContain("重新生成该周计划");
    expect(submitMessage({ sheet, kind: "broken", key: "W1", name: "SP_W1_SUBMITTED", missing: false }, en)).toContain("Name Manager");
  });
});
