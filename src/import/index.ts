/**
 * Bringing users' own lists into the registers (issue 13): pure functions from a source grid to the
 * register's rows, a list of the cells that could not be read, and the duplicate groups to review.
 * The writers append the rows; the pane and the command line show the mapping, problems and groups.
 */
export { decodeText, parseCsv, type TextEncoding } from "./text";
export { IMPORT_KINDS, KEY_FIELDS, headersByKey, importFields, registerLocale, type ImportField, type ImportKind } from "./fields";
export { normalizeHeader, overrideMapping, proposeMapping, sourceHeaders, type ColumnMapping, type SourceGrid } from "./mapping";
export { cleanRows, type CleanRow } from "./clean";
export { ImportError, problemText, type CellProblem, type ImportErrorCode, type ProblemCode } from "./problems";
export { findDuplicates, normalizeCompanyName, normalizePhone, type DuplicateGroup, type DuplicateReason } from "./duplicates";
export { resolveCustomerIds } from "./resolve";
export { byHeaders, emptyRegisterRequest, planImport, registerRows, registerTable, logRegisterTable, resolveImport, type Decision, type ExistingRegister, type HeaderRow, type ImportPlan, type ImportTarget, type ImportWrite } from "./plan";
export { buildReviewSheet } from "./reviewSheet";
