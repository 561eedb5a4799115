export { XlsxPackage, NS, REL, CONTENT_TYPE, XML_DECLARATION, WORKBOOK, relsPathOf, resolvePath, relativePath, freeRelId, type Relationship, type SheetEntry } from "./package";
export { attr, setAttr, removeAttr, escapeXml, unescapeXml, elements, openTags, innerXml, runText, prefixOf, insertBefore, renumber, replaceTags } from "./xml";
export { cellFormatCodes, cellValue, definedNames, referenceTarget, sharedStrings, sheetCells, tableNames, tableParts, workbookCells, workbookNames, type CellXml, type DefinedName, type NamedValue, type TablePart } from "./workbook";
export { assertNewSheets, Graft, graftSheets, removeSheet, type GraftOptions } from "./graft";
