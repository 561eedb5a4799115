"""Times LibreOffice's three phases on workbooks, in one soffice started once, so that start-up, which is
the same for every file and drifts by seconds on a shared machine, is out of the figures:

    /usr/bin/python3 bench/libreofficePhases.py ROUNDS result.json a.xlsx b.xlsx ...

First the last file once, untimed: the first load in a fresh soffice also pays for loading Calc's filters, and
LibreOffice's graphics self-test (once per fresh profile) runs beside it. Then per round, every file in turn
(the order reversed every other round): load it (with the benches' profile, recalculated on load; LibreOffice
leaves part of the calculation until a cell is read), calculateAll() once more (the calculation alone), and
store it as .xlsx (what remains of the save: every formula printed back as text). result.json:
{file: {"load": [s, ...], "calc": [...], "save": [...]}}, wall seconds per round.
"""
import json
import os
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "support"))
from libreofficeEdit import prop, running_soffice, url  # noqa: E402


def timed(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def phases(desktop, f, saved):
    doc, load = timed(lambda: desktop.loadComponentFromURL(url(f), "_blank", 0, (prop("Hidden", True),)))
    if doc is None:
        raise SystemExit("LibreOffice did not open %s" % f)
    _, calc = timed(doc.calculateAll)
    target = url(os.path.join(saved, os.path.basename(f)))
    _, save = timed(lambda: doc.storeToURL(target, (prop("FilterName", "Calc MS Excel 2007 XML"),)))
    doc.close(True)
    return {"load": load, "calc": calc, "save": save}


def measure(desktop, rounds, files, saved):
    phases(desktop, files[-1], saved)
    times = {f: {"load": [], "calc": [], "save": []} for f in files}
    for round_ in range(rounds):
        for f in files if round_ % 2 == 0 else list(reversed(files)):
            for phase, seconds in phases(desktop, f, saved).items():
                times[f][phase].append(seconds)
    return times


def main():
    rounds, out, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    # A timeout ends this script with SIGTERM: exit through the finally blocks, which stop soffice.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    saved = tempfile.mkdtemp(prefix="sp-phases-")
    try:
        with running_soffice() as (desktop, _ctx):
            times = measure(desktop, rounds, files, saved)
    finally:
        shutil.rmtree(saved, ignore_errors=True)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(times, fh)


if __name__ == "__main__":
    main()
