"""Edits workbooks the way a user would, in a real LibreOffice, through Python-UNO.

Run with the system Python that has the `uno` module (Debian: python3-uno):

    /usr/bin/python3 test/support/libreofficeEdit.py plan.json result.json

plan.json: {"workbooks": [{"file": "/abs/in.xlsx", "ops": [...]}, ...]}; every op is a dict with "op":

    rename      {"sheet", "to"}                           rename a sheet
    insertRows  {"sheet", "at", "count"}                  insert whole sheet rows before 0-based row `at`
    deleteRows  {"sheet", "at", "count"}                  delete whole sheet rows from 0-based row `at`
    fillDown    {"sheet", "from", "rows", "cols": [c0, c1]}
                copy row `from` (columns c0..c1) onto each row in `rows`, as Excel does for a table's
                calculated columns when a row is inserted inside the table (relative refs adjust)
    set         {"sheet", "cells": [[row, col, value], ...]}  number, string, or null (clears the cell)
    sort        {"sheet", "range": [r0, c0, r1, c1], "column", "descending"}
                sort the range (its first row is the header) by the 0-based column inside it
    recalc      {}                                        calculateAll()
    export      {"label"}                                 record every cell, name and database range (cells
                                                          a `set` made dirty are recalculated as read, as
                                                          LibreOffice does on screen; `recalc` forces all)
    save        {"path"}                                  store as .xlsx (Calc MS Excel 2007 XML)
    reload      {"path"}                                  close, open `path` again (always recalculated)

result.json: {"workbooks": [{"exports": {label: snapshot}}]}, snapshot = {
    "sheets": {name: {A1: {"v": number|string|null, "e": error text (when an error), "f": formula}}},
    "names": {name: {"content": text, "sheet": name, "cells": [[row, col, value], ...]}},
    "tables": {name: {"sheet": name, "range": [r0, c0, r1, c1]}}}

One soffice serves every workbook: headless, a throw-away profile, a free local port; connecting is
retried for 20 s and soffice is always terminated (killed if it will not quit) at the end.
"""
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellRangeAddress, CellAddress, TableSortField
from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT

# Always recalculate on load (same settings as test/support/libreoffice.ts).
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def col_name(col):
    s = ""
    col += 1
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def a1(row, col):
    return "%s%d" % (col_name(col), row + 1)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def soffice_path():
    for p in ("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"):
        if os.path.exists(p):
            return p
    raise SystemExit("LibreOffice (soffice) is not installed")


def error_text(cell):
    """The error a formula cell shows (#NAME?, #REF!, Err:502 …), or None."""
    code = cell.getError()
    if code == 0:
        return None
    text = cell.getString()
    return text if text else "Err:%d" % code


def cell_value(cell):
    t = cell.Type
    if t == EMPTY:
        return None
    if t == FORMULA:
        # FormulaResultType2: 1 VALUE, 2 TEXT, 4 ERROR (com.sun.star.sheet.FormulaResult)
        kind = cell.FormulaResultType2
        if kind == 2:
            return cell.getString()
        if kind == 1:
            return cell.getValue()
        return None
    if t == TEXT:
        return cell.getString()
    return cell.getValue()


def snapshot(doc):
    sheets = {}
    for sheet in doc.Sheets:
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row = cursor.RangeAddress.EndRow
        last_col = cursor.RangeAddress.EndColumn
        rng = sheet.getCellRangeByPosition(0, 0, last_col, last_row)
        formulas = rng.getFormulaArray()
        data = rng.getDataArray()
        cells = {}
        for r in range(last_row + 1):
            for c in range(last_col + 1):
                f = formulas[r][c]
                if f == "":
                    continue
                entry = {}
                if f.startswith("="):
                    cell = sheet.getCellByPosition(c, r)
                    entry["f"] = f
                    err = error_text(cell)
                    if err is not None:
                        entry["e"] = err
                        entry["v"] = None
                    else:
                        entry["v"] = cell_value(cell)
                else:
                    v = data[r][c]
                    entry["v"] = v
                cells[a1(r, c)] = entry
        sheets[sheet.Name] = cells
    names = {}
    for n in doc.NamedRanges.ElementNames:
        nr = doc.NamedRanges.getByName(n)
        entry = {"content": nr.Content, "sheet": None, "cells": []}
        try:
            rng = nr.ReferredCells
        except Exception:
            rng = None
        if rng is not None:
            addr = rng.RangeAddress
            entry["sheet"] = doc.Sheets.getByIndex(addr.Sheet).Name
            for r in range(addr.StartRow, addr.EndRow + 1):
                for c in range(addr.StartColumn, addr.EndColumn + 1):
                    cell = rng.Spreadsheet.getCellByPosition(c, r)
                    err = error_text(cell) if cell.Type == FORMULA else None
                    entry["cells"].append([r, c, {"e": err} if err else cell_value(cell)])
        names[n] = entry
    tables = {}
    for n in doc.DatabaseRanges.ElementNames:
        a = doc.DatabaseRanges.getByName(n).DataArea
        tables[n] = {"sheet": doc.Sheets.getByIndex(a.Sheet).Name, "range": [a.StartRow, a.StartColumn, a.EndRow, a.EndColumn]}
    return {"sheets": sheets, "names": names, "tables": tables}


def apply(doc, op, exports, desktop):
    kind = op["op"]
    if kind in ("rename", "insertRows", "deleteRows", "fillDown", "set", "sort"):
        sheet = doc.Sheets.getByName(op["sheet"])
    if kind == "rename":
        sheet.Name = op["to"]
    elif kind == "insertRows":
        sheet.Rows.insertByIndex(op["at"], op["count"])
    elif kind == "deleteRows":
        sheet.Rows.removeByIndex(op["at"], op["count"])
    elif kind == "fillDown":
        c0, c1 = op["cols"]
        src = CellRangeAddress(sheet.RangeAddress.Sheet, c0, op["from"], c1, op["from"])
        for row in op["rows"]:
            sheet.copyRange(CellAddress(src.Sheet, c0, row), src)
    elif kind == "set":
        for row, col, value in op["cells"]:
            cell = sheet.getCellByPosition(col, row)
            if value is None:
                cell.setString("")
            elif isinstance(value, str):
                cell.setString(value)
            else:
                cell.setValue(value)
    elif kind == "sort":
        r0, c0, r1, c1 = op["range"]
        rng = sheet.getCellRangeByPosition(c0, r0, c1, r1)
        field = TableSortField()
        field.Field = op["column"]
        field.IsAscending = not op["descending"]
        field.IsCaseSensitive = False
        rng.sort((prop("ContainsHeader", True), prop("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,)))))
    elif kind == "recalc":
        doc.calculateAll()
    elif kind == "export":
        exports[op["label"]] = snapshot(doc)
    elif kind == "save":
        doc.storeToURL(url(op["path"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    elif kind == "reload":
        doc.close(True)
        doc = desktop.loadComponentFromURL(url(op["path"]), "_blank", 0, (prop("Hidden", True),))
    else:
        raise ValueError("unknown op %r" % kind)
    return doc


@contextlib.contextmanager
def running_soffice():
    """A headless soffice with a throw-away always-recalculate profile; yields its Desktop and
    component context, and always terminates it (killed if it will not quit)."""
    profile = tempfile.mkdtemp(prefix="sp-uno-profile-")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
        f.write(RECALC_PROFILE)
    port = free_port()
    proc = subprocess.Popen(
        [soffice_path(), "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=socket,host=127.0.0.1,port=%d;urp;" % port],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 20
        while True:
            try:
                ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except Exception:
                if time.time() > deadline or proc.poll() is not None:
                    raise SystemExit("could not connect to soffice on port %d within 20 s" % port)
                time.sleep(0.25)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop, ctx
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge goes away as soffice quits
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    plan = json.load(open(sys.argv[1], encoding="utf-8"))
    with running_soffice() as (desktop, _ctx):
        results = []
        for book in plan["workbooks"]:
            doc = desktop.loadComponentFromURL(url(book["file"]), "_blank", 0, (prop("Hidden", True),))
            exports = {}
            for op in book["ops"]:
                try:
                    doc = apply(doc, op, exports, desktop)
                except Exception as e:
                    raise RuntimeError("%s: op %s failed: %s" % (book["file"], json.dumps(op, ensure_ascii=False)[:200], e))
            doc.close(True)
            results.append({"exports": exports})
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            json.dump({"workbooks": results}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
