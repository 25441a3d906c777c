#!/usr/bin/env python3
"""Sends the crafted import files of issue 25 to a running server and checks each is refused within bounds.

    scripts/crafted-imports.py BASE_URL TOKEN

BASE_URL is the API root (http://127.0.0.1:PORT/api/v1); TOKEN a bearer token of an account that may import both
the roster (a keeper) and the carrier register (a 保密员), e.g. the demo's wangfang. Each file is small and asks for
far more work or memory than its size if read without bounds (Tests/TestSupport/CraftedFiles.swift builds the same
shapes for the tests). Each must be answered 422 with the expected code in under 5 seconds, with a short body, and
the server must answer /healthz afterwards. Prints one line per file and "CRAFTED: N files, F failures"; exits 1 on
any failure.
"""
import io
import json
import sys
import time
import urllib.error
import urllib.request
import zipfile

SHEET_START = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_END = "</sheetData></worksheet>"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, text in parts:
            z.writestr(path, text)
    return out.getvalue()


def far_column(rows=3000):
    cells = "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(1, rows + 1))
    return workbook([("xl/worksheets/sheet1.xml", SHEET_START + cells + SHEET_END)])


def wide_row(megabytes=60):
    cells = "<c></c>" * (megabytes * 1048576 // 7)
    return workbook([("xl/worksheets/sheet1.xml", SHEET_START + '<row r="1">' + cells + "</row>" + SHEET_END)])


def shared_strings(count=1_200_000):
    sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "<si><t>x</t></si>" * count + "</sst>"
    sheet = SHEET_START + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_END
    return workbook([("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)])


def blank_sheet(megabytes=60):
    return workbook([("xl/worksheets/sheet1.xml", SHEET_START + " " * (megabytes * 1048576) + SHEET_END)])


def entity_expansion():
    doctype = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a0 "ha">'
    for i in range(1, 10):
        doctype += f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">'
    doctype += "]>"
    sheet = doctype + '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>'
    return workbook([("xl/worksheets/sheet1.xml", sheet)])


def wide_csv(columns=500_000):
    return ("姓名" + "," * (columns - 1) + "\r\n").encode()


def long_cell_csv(megabytes=8):
    return ("类别,标题,密级标志,份数,登记日期\n纸质密件,\"" + "长" * (megabytes * 1048576 // 3) + "\",秘密★5年,1,2024-01-02\n").encode()


def long_shared_string(megabytes=40):
    sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>' + "x" * (megabytes * 1048576) + "</t></si></sst>"
    sheet = SHEET_START + '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_END
    return workbook([("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)])


CASES = [
    ("roster xlsx: 3,000 rows with a cell in XFD", "personnel-imports?kind=roster&mode=dry_run", XLSX, far_column, "import.limit"),
    ("roster xlsx: one row of 60 MB of <c></c>", "personnel-imports?kind=roster&mode=dry_run", XLSX, wide_row, "import.limit"),
    ("roster xlsx: 1.2 million shared strings", "personnel-imports?kind=roster&mode=dry_run", XLSX, shared_strings, "import.limit"),
    ("roster xlsx: 60 MB of blank sheet", "personnel-imports?kind=roster&mode=dry_run", XLSX, blank_sheet, "import.limit"),
    ("roster xlsx: billion laughs", "personnel-imports?kind=roster&mode=dry_run", XLSX, entity_expansion, "import.header"),
    ("roster csv: 500,000 columns", "personnel-imports?kind=roster&mode=dry_run", "text/csv", wide_csv, "import.limit"),
    ("carrier csv: 500,000 columns", "carrier-imports/csv?mode=dry_run", "text/csv", wide_csv, "import.limit"),
    ("carrier csv: a cell of 8 MB", "carrier-imports/csv?mode=dry_run", "text/csv; charset=utf-8", long_cell_csv, "import.limit"),
    ("roster xlsx: a shared string of 40 MB", "personnel-imports?kind=roster&mode=dry_run", XLSX, long_shared_string, "import.limit"),
]


def post(url, data, content_type, token):
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type, "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    failures = 0
    for name, path, content_type, make, code in CASES:
        data = make()
        started = time.perf_counter()
        status, body = post(f"{base}/{path}", data, content_type, token)
        seconds = time.perf_counter() - started
        try:
            answered = json.loads(body)["error"]["code"]
        except Exception:
            answered = None
        ok = status == 422 and answered == code and seconds < 5 and len(body) < 4096
        failures += not ok
        print(f"  {'ok  ' if ok else 'FAIL'} {name}: {len(data):,} bytes -> {status} {answered} in {seconds:.2f} s, {len(body)} bytes"
              + ("" if ok else f"  {body[:300]!r}"))
    health = base.rsplit("/api/v1", 1)[0] + "/healthz"
    try:
        alive = urllib.request.urlopen(health, timeout=10).status == 200
    except Exception:
        alive = False
    if not alive:
        print("  FAIL the server no longer answers /healthz")
        failures += 1
    print(f"CRAFTED: {len(CASES)} files, {failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
