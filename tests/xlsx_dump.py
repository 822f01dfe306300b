"""xlsx_dump.py - read a workbook back as a reader would, for test_xlsx.c.

    /usr/bin/python3 tests/xlsx_dump.py BOOK.xlsx

Opens the .xlsx with Python's zipfile and parses its XML with
xml.etree (the standard library only: an independent reader, not
libxlsxwriter's code), then prints one fact a line, for the C test to
search:

    member NAME                    every part of the zip
    sheet NAME                     each worksheet, in workbook order
    pane YSPLIT XSPLIT STATE       its <pane>, if any
    col MIN MAX WIDTH              its column widths
    cell REF TYPE VALUE FORMAT     each cell: TYPE is the t attribute
                                   ("n" when absent), VALUE the shared
                                   string for "s", FORMAT its number format
                                   code ("General" for none)
    formula REF                    a cell with an <f> element (none wanted)
    comment SHEET REF TEXT         each cell note
    nonfinite MEMBER               a part holding nan or inf as a word

Newlines and tabs inside values are written as \\n and \\t.  Exit status 1
when the file is not a readable workbook.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
           9: "0%", 10: "0.00%", 11: "0.00E+00", 49: "@"}
WORD = re.compile(r"(^|[^a-z])(nan|inf|infinity)([^a-z]|$)", re.I)


def flat(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def text_of(si):
    """The text of a shared string or comment: its <t> elements joined."""
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


def formats(z):
    """Number format code of each cell style index (cellXfs order)."""
    root = ET.fromstring(z.read("xl/styles.xml"))
    custom = {int(f.get("numFmtId")): f.get("formatCode")
              for f in root.iterfind("m:numFmts/m:numFmt", NS)}
    codes = []
    for xf in root.iterfind("m:cellXfs/m:xf", NS):
        i = int(xf.get("numFmtId", "0"))
        codes.append(custom.get(i, BUILTIN.get(i, "builtin-%d" % i)))
    return codes


def sheets(z):
    """(name, part) of each worksheet in workbook order."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target")
              for r in rels.iterfind("rel:Relationship", NS)}
    for s in wb.iterfind("m:sheets/m:sheet", NS):
        t = target[s.get("{%s}id" % NS["r"])]
        yield s.get("name"), "xl/" + t.lstrip("/").replace("xl/", "", 1)


def comments(z, part):
    """The comments part of worksheet PART, if it has one."""
    rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels"
    if rels not in z.namelist():
        return None
    for r in ET.fromstring(z.read(rels)).iterfind("rel:Relationship", NS):
        if r.get("Type").endswith("/comments"):
            return "xl/" + r.get("Target").replace("../", "")
    return None


def dump(path):
    z = zipfile.ZipFile(path)
    for name in z.namelist():
        print("member", name)
        if WORD.search(z.read(name).decode("utf-8", "replace")):
            print("nonfinite", name)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        sst = [text_of(si) for si in root.iterfind("m:si", NS)]
    codes = formats(z)
    for name, part in sheets(z):
        print("sheet", name)
        root = ET.fromstring(z.read(part))
        for pane in root.iter("{%s}pane" % NS["m"]):
            print("pane", pane.get("ySplit", "0"), pane.get("xSplit", "0"),
                  pane.get("state", ""))
        for col in root.iterfind("m:cols/m:col", NS):
            print("col", col.get("min"), col.get("max"), col.get("width"))
        for c in root.iter("{%s}c" % NS["m"]):
            t = c.get("t", "n")
            v = c.find("m:v", NS)
            value = v.text if v is not None and v.text is not None else ""
            if t == "s":
                value = sst[int(value)]
            elif t == "inlineStr":
                value = text_of(c)
            if c.find("m:f", NS) is not None:
                print("formula", c.get("r"))
            print("cell", c.get("r"), t, flat(value),
                  codes[int(c.get("s", "0"))])
        cpart = comments(z, part)
        if cpart is not None:
            root = ET.fromstring(z.read(cpart))
            for cm in root.iter("{%s}comment" % NS["m"]):
                print("comment", name, cm.get("ref"), flat(text_of(cm)))


if __name__ == "__main__":
    try:
        dump(sys.argv[1])
    except (OSError, KeyError, ValueError, zipfile.BadZipFile,
            ET.ParseError) as e:
        print("xlsx_dump: %s: %s" % (sys.argv[1], e), file=sys.stderr)
        sys.exit(1)
