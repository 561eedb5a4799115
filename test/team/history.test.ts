import fc from "fast-check";
import { applyRecording, pivotAxes, planRecording, plansToRecord, snapshotRows, type HistoryRow, type PeriodId } from "../../src/team/history";
import type { PlanInstance, PlanTemplate } from "../../src/team/plans";

const plan = (key: string, template: PlanTemplate, rep: string, period: string): PlanInstance => ({
  key,
  template,
  sheet: `${rep}-${period}`,
  rep,
  period,
  issues: [],
  usable: [],
  duplicateOf: [],
});

const row = (kind: PlanTemplate, period: string, rep: string, recorded = 46351): HistoryRow => ({ kind, period, rep, recorded, figures: {} });

describe("snapshotRows", () => {
  test("one row per plan with a rep and a period, in the roll-up's order, with its figures and the roll-up's date", () => {
    const plans = [plan("M1", "monthly", "李四", "2026-11"), plan("W1", "weekly", "张三", "2026-W48"), plan("W2", "weekly", "", "2026-W48"), plan("W3", "weekly", "王五", "")];
    const rows = snapshotRows(plans, (p) => ({ SALES: { target: Number(p.key.slice(1)) * 100, actual: null } }), 46351);
    expect(rows).toEqual([
      { recorded: 46351, rep: "李四", kind: "monthly", period: "2026-11", figures: { SALES: { target: 100, actual: null } } },
      { recorded: 46351, rep: "张三", kind: "weekly", period: "2026-W48", figures: { SALES: { target: 100, actual: null } } },
    ]);
  });
});

describe("planRecording", () => {
  test("the same kind and period (trimmed, any case) is replaced; another kind's same text and other periods are kept", () => {
    const existing: (PeriodId | undefined)[] = [
      { kind: "weekly", period: "2026-W47" },
      { kind: "weekly", period: "2026-w48 " },
      undefined,
      { kind: "monthly", period: "2026-W48" },
      { kind: "weekly", period: "2026-W48" },
    ];
    const fresh = [row("weekly", "2026-W48", "张三"), row("weekly", "2026-W49", "张三")];
    expect(planRecording(existing, fresh)).toEqual({ remove: [1, 4], append: fresh });
  });

  test("a first recording appends; recording nothing changes nothing", () => {
    expect(planRecording([], [row("weekly", "2026-W48", "张三")]).remove).toEqual([]);
    expect(planRecording([{ kind: "weekly", period: "2026-W48" }], [])).toEqual({ remove: [], append: [] });
  });

  test("recording any sequence of roll-ups keeps exactly the last snapshot of each period, every other row untouched and in order", () => {
    const kinds: PlanTemplate[] = ["weekly", "monthly"];
    const recording = fc.array(fc.record({ kind: fc.constantFrom(...kinds), period: fc.constantFrom("2026-W47", "2026-W48", "2026-11", "2026-w48"), rep: fc.constantFrom("张三", "李四") }), {
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(recording, { maxLength: 8 }), (recordings) => {
        type Logged = HistoryRow & { readonly run: number };
        let log: Logged[] = [];
        recordings.forEach((rows, run) => {
          const fresh = rows.map((r) => row(r.kind, r.period, r.rep, run));
          const before = log;
          const plan = planRecording(before, fresh);
          log = applyRecording<Logged>(before, plan, (r) => ({ ...r, run }));
          const id = (r: PeriodId): string => `${r.kind}|${r.period.trim().toLowerCase()}`;
          const recorded = new Set(fresh.map(id));
          // Untouched: the rows of the periods not recorded now are the same objects, in the same order, first.
          expect(log.slice(0, log.length - fresh.length)).toEqual(before.filter((r) => !recorded.has(id(r))));
          for (const kept of log.slice(0, log.length - fresh.length)) expect(before).toContain(kept);
        });
        // Each period's rows are exactly those of the last recording that had it.
        const lastRun = new Map<string, number>();
        recordings.forEach((rows, run) => rows.forEach((r) => lastRun.set(`${r.kind}|${r.period.toLowerCase()}`, run)));
        for (const [key, run] of lastRun) {
          const rows = log.filter((r) => `${r.kind}|${r.period.toLowerCase()}` === key);
          expect(rows.map((r) => r.run)).toEqual(rows.map(() => run));
          expect(rows).toHaveLength(recordings[run].filter((r) => `${r.kind}|${r.period.toLowerCase()}` === key).length);
        }
        expect(log).toHaveLength([...lastRun].reduce((n, [key, run]) => n + recordings[run].filter((r) => `${r.kind}|${r.period.toLowerCase()}` === key).length, 0));
      }),
    );
  });
});

describe("plansToRecord", () => {
  const keys = (plans: readonly PlanInstance[]): string[] => plans.map((p) => p.key);
  const plans = [
    plan("W1", "weekly", "张三", "2026-W47"),
    plan("W2", "weekly", "李四", "2026-W47"),
    plan("W3", "weekly", "张三", "2026-W48"),
    plan("W4", "weekly", "张三", "2026-w49 "),
    plan("M1", "monthly", "张三", "2026-10"),
    plan("M2", "monthly", "李四", "2026-11"),
  ];

  test("a first recording takes every plan", () => {
    expect(keys(plansToRecord(plans, []))).toEqual(keys(plans));
  });

  test("logged periods are left out, except each kind's latest (trimmed, any case) and those of the plans copied in", () => {
    const logged: (PeriodId | undefined)[] = [
      { kind: "weekly", period: "2026-W47" },
      { kind: "weekly", period: "2026-W48" },
      { kind: "weekly", period: "2026-W49" },
      undefined,
      { kind: "monthly", period: "2026-10" },
      { kind: "monthly", period: "2026-11" },
    ];
    expect(keys(plansToRecord(plans, logged))).toEqual(["W4", "M2"]);
    // A plan copied in takes its whole period (both W47 plans), not only itself.
    expect(keys(plansToRecord(plans, logged, new Set(["W2"])))).toEqual(["W1", "W2", "W4", "M2"]);
    // A period not logged yet is recorded though older than the latest; a weekly period text logged as monthly is not "logged".
    expect(keys(plansToRecord(plans, [{ kind: "monthly", period: "2026-W47" }, { kind: "weekly", period: "2026-W49" }]))).toEqual(keys(plans));
  });

  test("over any sequence of roll-ups, an older period already logged is never touched unless a plan of it was copied in", () => {
    const kinds: PlanTemplate[] = ["weekly", "monthly"];
    const run = fc.array(
      fc.record({ kind: fc.constantFrom(...kinds), period: fc.constantFrom("2026-W47", "2026-W48", "2026-11", "2026-12"), rep: fc.constantFrom("张三", "李四"), copied: fc.boolean() }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 8 }), (runs) => {
        type Logged = HistoryRow & { readonly run: number };
        let log: Logged[] = [];
        const id = (r: PeriodId): string => `${r.kind}|${r.period.trim().toLowerCase()}`;
        runs.forEach((rows, n) => {
          const listed = rows.map((r, i) => plan(`K${i}`, r.kind, r.rep, r.period));
          const copied = new Set(rows.flatMap((r, i) => (r.copied ? [`K${i}`] : [])));
          const chosen = plansToRecord(listed, log, copied);
          const fresh = snapshotRows(chosen, () => ({}), n);
          const before = log;
          log = applyRecording<Logged>(before, planRecording(before, fresh), (r) => ({ ...r, run: n }));
          const logged = new Set(before.map(id));
          const idOf = (p: PlanInstance): string => id({ kind: p.template, period: p.period });
          const latest = (p: PlanInstance): boolean => listed.filter((q) => q.template === p.template).every((q) => q.period <= p.period);
          // A period is recorded, with all its plans, exactly when one of its plans is new to the log, of the latest period or copied in.
          const periods = new Set(listed.filter((p) => !logged.has(idOf(p)) || latest(p) || copied.has(p.key)).map(idOf));
          expect(chosen).toEqual(listed.filter((p) => periods.has(idOf(p))));
          // The rows of the periods not recorded are the same objects, in the same order, first.
          const recorded = new Set(fresh.map(id));
          expect(log.slice(0, log.length - fresh.length)).toEqual(before.filter((r) => !recorded.has(id(r))));
          for (const kept of log.filter((r) => !recorded.has(id(r)))) expect(before).toContain(kept);
        });
      }),
    );
  });
});

describe("pivotAxes", () => {
  test("a kind's periods in time order and reps in the summary's order, each once, blanks left out", () => {
    const rows = [
      { kind: "weekly" as const, period: "2026-W49", rep: "张三" },
      { kind: "weekly" as const, period: "2026-W48", rep: "李四" },
      { kind: "monthly" as const, period: "2026-11", rep: "王五" },
      { kind: "weekly" as const, period: "2026-W48", rep: "张三 " },
      { kind: "weekly" as const, period: "", rep: "赵六" },
    ];
    expect(pivotAxes(rows, "weekly")).toEqual({ periods: ["2026-W48", "2026-W49"], reps: ["李四", "张三"] });
    expect(pivotAxes(rows, "monthly")).toEqual({ periods: ["2026-11"], reps: ["王五"] });
  });
});
