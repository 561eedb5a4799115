import { keyOfName, lowestFreeKey } from "../spec/naming";
import { readRecord, TEMPLATES } from "../templates/registry";
import type { RecordTemplate } from "../spec/sheetSpec";
import type { PlanInstance } from "./plans";

/**
 * Re-keying plans copied from a rep's workbook into the team workbook (both writers): a plan keeps
 * its key when the team workbook does not use it yet, otherwise it gets the lowest free one (two
 * reps' files both have `W1`), and every name, table, formula and record of the plan follows.
 */

/** Old key → new key, for the plans of one file that must change key. */
export type Rekeying = ReadonlyMap<string, string>;

/**
 * The names and tables a workbook has (one namespace, case-insensitive) and the keys they use, kept
 * as sets as they grow: a roll-up asks about them for every rep, and rebuilding them from a list of
 * every name made 300 reps quadratic (issue 17).
 */
export class TakenNames {
  private readonly lower = new Set<string>();
  /** The keys the names use, upper case (`usedKeys`' rule). */
  readonly keys = new Set<string>();
  /**
   * Per key letter, the number of the key last handed out by `freeKey`: names are only ever added, so
   * every key below it stays taken, and the next search starts there (from 1 each time, 300 reps'
   * `W1`s made the keys quadratic).
   */
  private readonly handedOut = new Map<string, number>();

  constructor(names: Iterable<string> = []) {
    for (const name of names) this.add(name);
  }

  add(name: string): void {
    this.lower.add(name.toLowerCase());
    const key = keyOfName(name);
    if (key !== undefined) this.keys.add(key);
  }

  has(name: string): boolean {
    return this.lower.has(name.toLowerCase());
  }

  /** The lowest key of `template` no name uses (`lowestFreeKey`). */
  freeKey(template: RecordTemplate): string {
    const key = lowestFreeKey(template, this.keys, this.handedOut.get(template.keyLetter));
    this.handedOut.set(template.keyLetter, Number(key.slice(template.keyLetter.length)));
    return key;
  }
}

/**
 * New keys for `plans`, given the names and tables the team workbook already has; `taken` is
 * extended with each key handed out, so the next plan (or file) cannot take it too.
 */
export function assignKeys(plans: readonly PlanInstance[], taken: TakenNames): Map<string, string> {
  const keys = new Map<string, string>();
  for (const plan of plans) {
    const key = taken.keys.has(plan.key) ? taken.freeKey(TEMPLATES[plan.template]) : plan.key;
    if (key !== plan.key) keys.set(plan.key, key);
    taken.add(`SP_${key}_TEMPLATE`);
  }
  return keys;
}

/**
 * Replaces every `SP_<old>_` prefix by `SP_<new>_` in one pass: the trailing "_" keeps W1 from
 * matching W10, and one pass keeps W1→W2 and W2→W3 of the same file from chaining.
 */
export const rekeyText = (text: string, keys: Rekeying): string =>
  keys.size === 0 ? text : text.replace(/\bSP_([A-Z]\d+)_/gi, (whole, key: string) => (keys.has(key.toUpperCase()) ? `SP_${keys.get(key.toUpperCase())}_` : whole));

/** A template record's text with its key replaced when the key changes; anything else unchanged. */
export function rekeyRecord(text: string, keys: Rekeying): string {
  const record = readRecord(text);
  const to = record && keys.get(record.key);
  return to === undefined ? text : text.replace(/:[A-Z]\d+$/, `:${to}`);
}
