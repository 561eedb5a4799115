import type { Locale } from "../contract/locale";
import { teamStrings } from "../templates/team/strings";
import type { FileRefusal } from "../writers/xlsx/fileCheck";

/**
 * Failures of the roll-up and of collecting reps' workbooks, as a code plus parameters: the pane
 * and the command line branch on the code and show `teamErrorMessage(error, locale)`.
 */
export type TeamErrorCode =
  /** The existing summary table no longer has the columns the roll-up writes. */
  | "summaryChanged"
  /** The host cannot insert worksheets from another workbook (ExcelApi 1.13 missing). */
  | "insertUnsupported"
  /** A rep's file holds no plan sheet the add-in wrote. */
  | "noPlanSheets"
  /** A rep's file is not a readable .xlsx workbook. */
  | "unreadableFile"
  /** A file refused before it is opened (encrypted, macro-enabled, not a workbook, too large, a zip bomb). */
  | "refusedFile"
  /** Excel rejected inserting a rep's sheets. */
  | "insertFailed"
  /** More plans than one summary table's formulas can link (CHOOSE's 254 choices, 8,192 characters). */
  | "tooManyPlans";

export interface TeamErrorParams {
  readonly sheet?: string;
  readonly file?: string;
  readonly detail?: string;
  /** How many plans the workbook holds (`tooManyPlans`). */
  readonly count?: number;
  readonly refusal?: FileRefusal;
}

export class TeamError extends Error {
  constructor(
    readonly code: TeamErrorCode,
    readonly params: TeamErrorParams = {},
    readonly cause?: unknown,
  ) {
    super(teamStrings("en-US").error(code, params));
    this.name = "TeamError";
  }
}

export const teamErrorMessage = (error: Pick<TeamError, "code" | "params">, locale: Locale): string =>
  teamStrings(locale).error(error.code, error.params);
