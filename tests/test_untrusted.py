"""Opening untrusted .xlsx files: every hostile file is crafted here, on the fly, and refused with
one sentence naming the file and the reason, before openpyxl (or our own reads) unpack the bomb."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlmodel.case import example_case
from xlmodel.errors import InputError
from xlmodel.workbook import untrusted
from xlmodel.workbook.reader import read_workbook_case
from xlmodel.workbook.untrusted import MAX_FILE_BYTES, MAX_MEMBERS, MAX_RATIO, MAX_UNCOMPRESSED_BYTES, open_untrusted

MiB = 1024 * 1024


# --- helpers -----------------------------------------------------------------------------------

def small_book_bytes() -> bytes:
    """A small genuine workbook with strings, a number and a formula, its strings moved to
    xl/sharedStrings.xml as Excel stores them (openpyxl writes them inline)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Quote"
    ws.append(["Vendor", "Price per hour"])
    ws.append(["Casablanca Contact", 21.5])
    ws["C2"] = "=B2*2"
    buf = BytesIO()
    wb.save(buf)
    strings: list[str] = []

    def shared(m: re.Match) -> str:
        strings.append(m.group(1))
        return f't="s"><v>{len(strings) - 1}</v>'
    with zipfile.ZipFile(buf) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    sheet = re.sub(r't="inlineStr"><is><t>([^<]*)</t></is>', shared, parts["xl/worksheets/sheet1.xml"].decode())
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/sharedStrings.xml"] = (
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>").encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                     b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId50" Target="sharedStrings.xml" Type="http://schemas.'
                             b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    return out.getvalue()


SMALL = small_book_bytes()


def rewrite(data: bytes, path: Path, replace: dict[str, bytes] | None = None,
            add: dict[str, bytes] | None = None) -> Path:
    """``data`` (a zip) written to ``path`` with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        for name, content in add.items():
            dst.writestr(name, content)
    return path


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(BytesIO(data)) as zf:
        return zf.read(name)


def refusal(path: Path, *fragments: str) -> str:
    """Open ``path``, expect a refusal naming the file and containing every fragment; return it."""
    with pytest.raises(InputError) as info:
        open_untrusted(path)
    message = str(info.value)
    assert len(info.value.problems) == 1 and info.value.problems[0].location == str(path)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


@pytest.fixture
def no_unpacking(monkeypatch):
    """Call it once the file is crafted: from then on, opening any zip member (by us or by
    openpyxl), or calling openpyxl, fails the test."""
    def forbidden(*args, **kwargs):
        raise AssertionError("the archive was unpacked or handed to openpyxl")

    def forbid() -> None:
        monkeypatch.setattr(zipfile.ZipFile, "open", forbidden)
        monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    return forbid


@pytest.fixture
def no_openpyxl(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("openpyxl saw the file")
    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)


@pytest.fixture(scope="module")
def built(example_book) -> Path:
    """The example workbook (the session's: never changed here)."""
    return example_book


# --- good files --------------------------------------------------------------------------------

def test_a_built_workbook_opens_with_no_notices(built):
    opened = open_untrusted(built)
    assert opened.notices == ()
    assert {"Inputs", "Vendors", "Hybrid"} <= set(opened.wb.sheetnames)
    assert read_workbook_case(built) == example_case()


def test_read_only_and_cached_values(tmp_path):
    book = tmp_path / "quote.xlsx"
    book.write_bytes(SMALL)
    opened = open_untrusted(str(book), read_only=True)
    assert opened.notices == ()
    rows = list(opened.wb["Quote"].iter_rows(values_only=True))
    assert rows[1][:2] == ("Casablanca Contact", 21.5)
    wb = open_untrusted(book).wb
    assert wb["Quote"]["A2"].value == "Casablanca Contact"
    assert wb["Quote"]["C2"].value is None  # data_only: the cached value (openpyxl saves none)


# --- not a workbook at all ---------------------------------------------------------------------

def test_missing_file_folder_and_empty_file(tmp_path):
    refusal(tmp_path / "nope.xlsx", "file not found")
    (tmp_path / "folder.xlsx").mkdir()
    refusal(tmp_path / "folder.xlsx", "is a folder")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    refusal(tmp_path / "empty.xlsx", "is empty (0 bytes)")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    big = tmp_path / "huge.xlsx"
    with big.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs nothing on disk
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the oversized file was read"))
    refusal(big, f"is over the {MAX_FILE_BYTES // MiB} MB limit")


@pytest.mark.parametrize("content, expected", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
     "is an encrypted or old-format (.xls) file: save it as an unprotected .xlsx"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF document"),
    ("Vendor;Price per hour\nCasablanca Contact;21,50\nLumi\u00e8re;19\n".encode("utf-8"),
     "is a CSV or plain-text file"),
    ("Vendor\tPrice\nCasablanca\t21,5\n".encode("utf-16"), "is a CSV or plain-text file"),
    ("Vendor;Prix\nLumi\u00e8re \u00c9nergie;19\n".encode("cp1252"), "is a CSV or plain-text file"),
    (b"<!DOCTYPE html>\n<html><body><table><tr><td>1</td></tr></table></body></html>", "is a web page (HTML)"),
    (b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
     "is an Excel 2003 XML spreadsheet"),
    (b"\x1f\x8b\x08\x00" + bytes(40), "is a gzip archive"),
    (bytes(range(256)) * 4, "is not an xlsx workbook"),
])
def test_files_that_are_not_zips_are_named_by_their_first_bytes(tmp_path, no_unpacking, content, expected):
    path = tmp_path / "quote form.xlsx"
    path.write_bytes(content)
    no_unpacking()
    refusal(path, expected)


@pytest.mark.parametrize("parts, expected", [
    ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<document/>"}, "is a Word document (.docx)"),
    ({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<c/>"},
     "is an OpenDocument spreadsheet (.ods)"),
    ({"quote.xlsx": SMALL}, "is a zip archive containing quote.xlsx"),
    ({"notes.txt": b"hello"}, "is a zip archive but not an xlsx workbook"),
    ({}, "is a zip archive but not an xlsx workbook"),
])
def test_zips_that_are_not_workbooks(tmp_path, no_openpyxl, parts, expected):
    path = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    refusal(path, expected)


# --- zip bombs ---------------------------------------------------------------------------------

def write_zeros(path: Path, name: str, mib: int, level: int) -> None:
    """A member of ``mib`` MiB of zeros, streamed in 1 MiB chunks so the test stays light."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", part(SMALL, "[Content_Types].xml"))
        zf.writestr("xl/workbook.xml", part(SMALL, "xl/workbook.xml"))
        with zf.open(name, "w") as f:
            chunk = bytes(MiB)
            for _ in range(mib):
                f.write(chunk)


def test_a_bomb_over_the_total_size_is_refused_without_unpacking(tmp_path, no_unpacking):
    bomb = tmp_path / "vendor quote.xlsx"
    write_zeros(bomb, "xl/worksheets/sheet1.xml", 210, level=1)
    assert bomb.stat().st_size < 2 * MiB
    no_unpacking()  # refused from the zip's directory alone (its speed: benchmarks/bench_untrusted.py)
    refusal(bomb, f"would unpack to 210 MB, over the {MAX_UNCOMPRESSED_BYTES // MiB} MB limit", "zip bomb", "was not opened")


def test_a_part_with_an_absurd_ratio_is_refused_without_unpacking(tmp_path, no_unpacking):
    bomb = tmp_path / "ratio.xlsx"
    write_zeros(bomb, "xl/sharedStrings.xml", 20, level=9)
    no_unpacking()
    message = refusal(bomb, "(xl/sharedStrings.xml) that unpacks to", "zip bomb")
    assert int(re.search(r"to ([\d,]+) times", message).group(1).replace(",", "")) > MAX_RATIO


def patch_declared_size(path: Path, name: str, size: int) -> None:
    """Make the zip lie: ``name``'s uncompressed size, in its local and central headers, set to ``size``."""
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo(name).header_offset
    data = bytearray(path.read_bytes())
    assert data[offset:offset + 4] == b"PK\x03\x04"
    data[offset + 22:offset + 26] = size.to_bytes(4, "little")
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + length] == name.encode():
            data[central + 24:central + 28] = size.to_bytes(4, "little")
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_declared_sizes_are_not_trusted(tmp_path, no_openpyxl, monkeypatch):
    liar = tmp_path / "liar.xlsx"
    write_zeros(liar, "xl/worksheets/sheet1.xml", 30, level=9)
    patch_declared_size(liar, "xl/worksheets/sheet1.xml", 1000)  # a harmless-looking ratio of ~0.03
    honest = len(part(SMALL, "[Content_Types].xml")) + len(part(SMALL, "xl/workbook.xml"))
    unpacked = []
    real_read = zipfile.ZipExtFile.read
    monkeypatch.setattr(zipfile.ZipExtFile, "read",
                        lambda self, n=-1: unpacked.append(len(got := real_read(self, n))) or got)
    refusal(liar, "cannot be read as an xlsx workbook (xl/worksheets/sheet1.xml: BadZipFile")
    assert sum(unpacked) <= honest + 1000  # never the 30 MiB really stored


def test_too_many_members(tmp_path, no_unpacking):
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(MAX_MEMBERS + 1):
            zf.writestr(f"xl/media/image{i}.png", b"")
    no_unpacking()
    refusal(many, f"holds {MAX_MEMBERS + 1} parts, more than the {MAX_MEMBERS}")
    # The end record lying about the count does not help: the directory itself is counted.
    data = bytearray(many.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 12] = (10).to_bytes(2, "little") * 2
    many.write_bytes(bytes(data))
    refusal(many, f"holds {MAX_MEMBERS + 1} parts")


# --- damaged files -----------------------------------------------------------------------------

def test_a_truncated_workbook(tmp_path, built, no_openpyxl):
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(built.read_bytes()[: built.stat().st_size // 2])
    refusal(cut, "cannot be read as an xlsx workbook (the file is truncated or damaged")


def test_corrupt_xml_and_what_openpyxl_fails_on(tmp_path):
    sheet = part(SMALL, "xl/worksheets/sheet1.xml")
    broken = rewrite(SMALL, tmp_path / "broken.xlsx", {"xl/worksheets/sheet1.xml": sheet[: len(sheet) // 2]})
    refusal(broken, "cannot be read as an xlsx workbook (xl/worksheets/sheet1.xml: ExpatError")
    # Well-formed XML that openpyxl cannot make sense of: a sheet pointing at a missing relationship.
    workbook = part(SMALL, "xl/workbook.xml").replace(b'r:id="rId1"', b'r:id="rId99"')
    assert b"rId99" in workbook
    dangling = rewrite(SMALL, tmp_path / "dangling.xlsx", {"xl/workbook.xml": workbook})
    message = refusal(dangling, "cannot be read as an xlsx workbook (KeyError")
    assert "Traceback" not in message


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(0, len(SMALL)), flips=st.lists(st.tuples(st.integers(0, len(SMALL) - 1),
                                                             st.integers(1, 255)), max_size=4))
def test_damage_anywhere_is_a_refusal_never_a_crash(tmp_path, cut, flips):
    data = bytearray(SMALL[:cut] if cut else SMALL)
    for index, mask in flips:
        if index < len(data):
            data[index] ^= mask
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(bytes(data))
    try:
        open_untrusted(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)


# --- hostile XML -------------------------------------------------------------------------------

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>&lol9;</t></si><si><t>Price per hour</t></si><si><t>Casablanca Contact</t></si></sst>"""


def test_billion_laughs_in_shared_strings(tmp_path, no_openpyxl):
    assert part(SMALL, "xl/sharedStrings.xml").count(b"<si>") == 3
    book = rewrite(SMALL, tmp_path / "laughs.xlsx", {"xl/sharedStrings.xml": LAUGHS})
    # Refused at the declaration, before any entity is expanded (speed: benchmarks/bench_untrusted.py).
    refusal(book, "document type declaration (DTD) in xl/sharedStrings.xml", "was not opened")


def xxe(secret: Path) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">'
            '<si><t>&xxe;</t></si><si><t>Price per hour</t></si><si><t>x</t></si></sst>').encode()


@pytest.mark.parametrize("target", ["xl/sharedStrings.xml", "_rels/.rels", "xl/drawings/vmlDrawing1.vml",
                                    "xl/media/payload.bin"])
def test_external_entities_never_reach_the_content(tmp_path, no_openpyxl, target):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:SECRET-ROOT-LINE:/root:/bin/bash\n", encoding="utf-8")
    payload = xxe(secret)
    if target in ("xl/sharedStrings.xml", "_rels/.rels"):
        book = rewrite(SMALL, tmp_path / "xxe.xlsx", {target: payload})
    elif target.endswith(".vml"):
        book = rewrite(SMALL, tmp_path / "xxe.xlsx", add={target: payload})
    else:  # a part named like a picture but holding XML: openpyxl follows relationships, not names
        book = rewrite(SMALL, tmp_path / "xxe.xlsx", add={target: payload.decode().encode("utf-16")})
    message = refusal(book, f"document type declaration (DTD) in {target}")
    assert "SECRET-ROOT-LINE" not in message and "root:x" not in message


def test_etc_passwd_never_appears(tmp_path, no_openpyxl):
    book = rewrite(SMALL, tmp_path / "xxe.xlsx", {"xl/sharedStrings.xml": xxe(Path("/etc/passwd"))})
    message = refusal(book, "(DTD) in xl/sharedStrings.xml")
    assert "root:" not in message and "/bin/" not in message


# --- found and ignored -------------------------------------------------------------------------

def macro_book(path: Path) -> Path:
    types = part(SMALL, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
        b"<Default ", b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ', 1)
    assert b"macroEnabled" in types
    rels = part(SMALL, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"'
        b' Target="vbaProject.bin"/></Relationships>')
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b'Attribute VB_Name = "Module1"\nSub AutoOpen(): Shell "calc"'
    vba += bytes(512)
    return rewrite(SMALL, path, {"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels},
                   add={"xl/vbaProject.bin": vba})


def test_macros_are_reported_and_dropped(tmp_path):
    opened = open_untrusted(macro_book(tmp_path / "quote.xlsm"))
    assert opened.notices == ("macros (xl/vbaProject.bin) found and ignored: a quote form is data, never code",)
    assert opened.wb.vba_archive is None
    assert opened.wb["Quote"]["B2"].value == 21.5


def test_external_links_are_reported_and_dropped(tmp_path):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    link = (f'<externalLink xmlns="{main}" xmlns:r="{rel_ns}"><externalBook r:id="rId1"><sheetNames>'
            '<sheetName val="Rates"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1">'
            '<cell r="A1"><v>19</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>').encode()
    link_rels = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{rel_ns}/externalLinkPath" '
                 'Target="file:///C:/Quotes/rates%202027.xlsx" TargetMode="External"/></Relationships>').encode()
    workbook = part(SMALL, "xl/workbook.xml").replace(
        b"</sheets>", b'</sheets><externalReferences><externalReference r:id="rId98"/></externalReferences>')
    rels = part(SMALL, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        f'<Relationship Id="rId98" Type="{rel_ns}/externalLink" Target="externalLinks/externalLink1.xml"/>'
        '</Relationships>'.encode())
    types = part(SMALL, "[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType='
                     b'"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    sheet = part(SMALL, "xl/worksheets/sheet1.xml").replace(b"<f>B2*2</f>", b"<f>[1]Rates!A1</f><v>19</v>")
    assert b"[1]Rates!A1" in sheet and b"externalReference " in workbook
    book = rewrite(SMALL, tmp_path / "linked.xlsx",
                   {"xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types,
                    "xl/worksheets/sheet1.xml": sheet},
                   add={"xl/externalLinks/externalLink1.xml": link,
                        "xl/externalLinks/_rels/externalLink1.xml.rels": link_rels})
    opened = open_untrusted(book)
    assert len(opened.notices) == 1
    assert "external link to 'file:///C:/Quotes/rates%202027.xlsx' (xl/externalLinks/externalLink1.xml)" \
        " found and ignored" in opened.notices[0]
    assert opened.wb._external_links == []
    assert opened.wb["Quote"]["C2"].value == 19  # the value last saved, nothing fetched


def test_excel_style_vml_that_is_not_well_formed_still_opens(tmp_path):
    vml = (b'<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox><div style="text-align:left">'
           b"Quote valid<br>until June</div></v:textbox></v:shape></xml>")
    book = rewrite(SMALL, tmp_path / "comments.xlsx", add={"xl/drawings/vmlDrawing1.vml": vml})
    assert open_untrusted(book).notices == ()


def test_embedded_objects_are_reported(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64)
    book = rewrite(SMALL, tmp_path / "embedded.xlsx", add={"xl/embeddings/oleObject1.bin": ole})
    assert open_untrusted(book).notices == (
        "embedded objects (xl/embeddings/oleObject1.bin) found and ignored: only cell values are read",)


# --- through the reader and the command line ---------------------------------------------------

def test_the_reader_and_the_cli_refuse_in_one_line(tmp_path, capsys):
    from xlmodel.cli import main
    fake = tmp_path / "vendor.xlsx"
    fake.write_text("Vendor;Price\nCasablanca;21\n", encoding="utf-8")
    with pytest.raises(InputError, match="is a CSV or plain-text file"):
        read_workbook_case(fake)
    with pytest.raises(SystemExit) as info:
        main(["compare", str(fake)])
    err = capsys.readouterr().err
    assert info.value.code == 2 and "Traceback" not in err
    assert err.splitlines()[0] == (f"error: {fake}: is a CSV or plain-text file, not a workbook: open it in Excel "
                                   "and save it as an .xlsx workbook")


def test_limits_hold_our_own_workbooks_comfortably(built):
    with zipfile.ZipFile(built) as zf:
        infos = zf.infolist()
    assert len(infos) * 10 < untrusted.MAX_MEMBERS
    assert sum(i.file_size for i in infos) * 10 < untrusted.MAX_UNCOMPRESSED_BYTES
    assert built.stat().st_size * 10 < untrusted.MAX_FILE_BYTES
    big = [i for i in infos if i.file_size > untrusted.RATIO_CHECKED_ABOVE // 4]
    assert big and all(i.file_size < untrusted.MAX_RATIO / 4 * i.compress_size for i in big)


def _without(data: bytes, path: Path, name: str) -> Path:
    with zipfile.ZipFile(BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info))
    return path


def test_what_only_the_reader_meets_is_a_refusal_too(example_book, tmp_path):
    """The reader loads a workbook read-only (its sheets parsed when read, its tables by the
    reader): a number that is not one on the Inputs sheet, or a missing table part, is refused in
    one line naming the file, never a crash."""
    data = example_book.read_bytes()
    inputs = part(data, "xl/worksheets/sheet2.xml")
    # The discount rate's cell, whatever style index the build gave it (the styles' order moves).
    cell = re.search(rb'<c r="B12" s="\d+" t="n"><v>0.08</v></c>', inputs).group(0)
    damaged = {
        "not a number": rewrite(data, tmp_path / "number.xlsx", {"xl/worksheets/sheet2.xml": inputs.replace(
            cell, cell.replace(b"<v>0.08</v>", b"<v>eight</v>"))}),
        "no table part": _without(data, tmp_path / "table.xlsx", "xl/tables/table1.xml"),
    }
    for what, path in damaged.items():
        with pytest.raises(InputError) as info:
            read_workbook_case(path)
        message = str(info.value)
        assert message.startswith(f"{path}: cannot be read as an xlsx workbook (") and "\n" not in message, what


# --- bounded by the cells the program needs (issue 13) -------------------------------------------

SHEET1 = "xl/worksheets/sheet1.xml"


def with_sheet_xml(tmp_path, name: str, before_end: str = "", in_data: str = "") -> Path:
    """SMALL with text added inside <sheetData> and just before </worksheet> of its sheet."""
    sheet = part(SMALL, SHEET1).decode()
    sheet = sheet.replace("</sheetData>", in_data + "</sheetData>").replace("</worksheet>", before_end + "</worksheet>")
    return rewrite(SMALL, tmp_path / name, {SHEET1: sheet.encode()})


def test_one_merged_range_over_the_whole_sheet_is_refused_before_openpyxl_expands_it(tmp_path, no_openpyxl):
    """The attack: a 1 KB form whose one merged range A1:XFD1048576 drove openpyxl past 6.8 GB."""
    book = with_sheet_xml(tmp_path, "merged.xlsx", '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
    assert book.stat().st_size < 8192
    refusal(book, "a merged range reaching A1:XFD1048576", f"beyond row {untrusted.MAX_ROWS:,}".replace(",", " "),
            "was not opened")


def test_a_merged_range_within_the_rows_but_over_the_cell_budget_is_refused(tmp_path, no_openpyxl):
    ref = f"A1:IV{untrusted.MAX_ROWS}"  # within the rows and columns, but millions of merged cells
    book = with_sheet_xml(tmp_path, "merged.xlsx", f'<mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>')
    refusal(book, "cells, rows, merged cells", "was not opened")


def test_forty_sheets_each_with_one_cell_at_the_last_row_are_refused_unread(tmp_path, no_openpyxl):
    """The attack: a 24 KB form of 40 sheets, each with one cell at row 1 048 576 (past 8 GB, 132 s)."""
    sheet = part(SMALL, SHEET1).decode().replace(
        "</sheetData>", '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')
    book = rewrite(SMALL, tmp_path / "forty.xlsx", {SHEET1: sheet.encode()},
                   add={f"xl/worksheets/sheet{i}.xml": sheet.encode() for i in range(2, 41)})
    refusal(book, "a row reaching 1048576", "was not opened")


def test_too_many_sheets_are_refused(tmp_path, no_openpyxl):
    book_xml = part(SMALL, "xl/workbook.xml").decode()
    many = "".join(f'<sheet name="S{i}" sheetId="{i + 10}" r:id="rId1"/>' for i in range(untrusted.MAX_SHEETS))
    book = rewrite(SMALL, tmp_path / "sheets.xlsx", {"xl/workbook.xml": book_xml.replace("</sheets>", many + "</sheets>").encode()})
    refusal(book, f"has more than {untrusted.MAX_SHEETS} sheets")


@pytest.mark.parametrize("extra", [
    '<hyperlinks><hyperlink ref="A1:IV9000" display="x"/></hyperlinks>',
    '<dataValidations count="1"><dataValidation sqref="' + " ".join(f"A{i}" for i in range(1, 9001)) * 100
    + '"/></dataValidations>',
], ids=["a hyperlink over a range", "a validation over a million ranges"])
def test_what_openpyxl_would_expand_is_counted_before_it_does(tmp_path, no_openpyxl, extra):
    refusal(with_sheet_xml(tmp_path, "expand.xlsx", extra), "cells, rows, merged cells")


def test_a_cell_in_a_row_without_a_reference_is_placed_as_openpyxl_places_it(tmp_path, no_openpyxl):
    rows = "<row><c><v>1</v></c></row>" * (untrusted.MAX_ROWS + 1)  # rows counted one by one
    refusal(with_sheet_xml(tmp_path, "rows.xlsx", in_data=rows), f"a row reaching {untrusted.MAX_ROWS + 1}")


def test_a_dtd_after_white_space_in_a_part_not_named_xml_is_refused(tmp_path, no_openpyxl):
    """The attack: the DTD check read a part's first 64 bytes only: 100 spaces, then a DTD, in a .dat part."""
    payload = b" " * 100 + LAUGHS.split(b"\n", 1)[1]  # no XML declaration: white space may precede a DTD
    book = rewrite(SMALL, tmp_path / "spaces.xlsx", add={"xl/media/payload.dat": payload})
    refusal(book, "document type declaration (DTD) in xl/media/payload.dat")
    import random
    blanks = bytes(random.Random(7).choices(b" \t\r\n", k=3 * MiB))  # past the first chunk, and no zip bomb
    far = blanks + LAUGHS.split(b"\n", 1)[1]
    refusal(rewrite(SMALL, tmp_path / "far.xlsx", add={"xl/media/payload.dat": far}), "(DTD) in xl/media/payload.dat")


def test_formulas_of_the_cells_are_known_though_the_values_are_cached(tmp_path):
    opened = open_untrusted(rewrite(SMALL, tmp_path / "f.xlsx"))
    assert opened.formula("Quote", 2, 3) == "=B2*2"
    assert opened.formula("Quote", 2, 2) is None and opened.wb["Quote"]["C2"].value is None
