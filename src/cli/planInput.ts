import type { AnnualInputFile, RepInput } from "../team";
import type { PlanArgs } from "./args";

/**
 * A year's inputs from `--input FILE` and the options together: an option given replaces the file's
 * item; `--reps` names the team (a rep the file lists but `--reps` does not is left out) and each rep
 * keeps the file's own last year, start and hold unless `--start` or `--hold` gives another; a
 * `--month-hold` replaces that month's row only.
 */
export function mergePlanInputs(file: AnnualInputFile, args: PlanArgs): { readonly input: AnnualInputFile } | { readonly unknownRep: { readonly option: "--hold" | "--start"; readonly rep: string } } {
  const fromFile = new Map(file.reps.map((rep) => [rep.rep, rep]));
  const listed: RepInput[] = args.reps ? args.reps.map((rep) => ({ ...fromFile.get(rep.rep), ...rep })) : file.reps;
  const byName = new Map(listed.map((rep, index) => [rep.rep, index]));
  const reps = [...listed];
  for (const [option, given] of [["--hold", args.holds], ["--start", args.starts]] as const) {
    for (const { rep, value } of given) {
      const index = byName.get(rep);
      if (index === undefined) return { unknownRep: { option, rep } };
      reps[index] = { ...reps[index], ...(option === "--hold" ? { hold: value } : { start: value }) };
    }
  }
  const monthHolds = [...(file.monthHolds ?? Array.from({ length: 12 }, () => undefined))];
  for (const { month, amount } of args.monthHolds) monthHolds[month - 1] = amount;
  return {
    input: {
      ...file,
      ...(args.lastYear ? { lastYear: args.lastYear } : {}),
      ...(args.split ? { split: args.split } : {}),
      ...(args.productRatios ? { productRatios: args.productRatios } : {}),
      ...(args.unit !== undefined ? { unit: args.unit } : {}),
      ...(monthHolds.some((hold) => hold !== undefined && hold !== "") ? { monthHolds } : {}),
      reps,
    },
  };
}
