"""Malformed documents of every format read: a Document or a PlanImportError, nothing else.

Each valid document is mutated three ways: bytes flipped, inserted or cut in the file
itself; its main XML part mutated and zipped again (so that the XML reaches the parsers
and our walkers, past the archive's checksums); and zips of random members named like
the parts the readers look for.
"""

import io
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faisse.plans.importer.blocks import Document
from faisse.plans.importer.errors import PlanImportError
from faisse.plans.importer.formats import read_document
from faisse.plans.tests.documents import (
    Heading,
    Item,
    Para,
    Table,
    to_docx,
    to_ods,
    to_odt,
    to_pdf,
    to_xlsx,
)

CONTENT = [
    Heading(1, "Axe 1 : Habiter"),
    Heading(2, "Objectif 1.1"),
    Item("Rénover"),
    Item("des maisons", depth=1),
    Item("Premier", numbered=True),
    Para("Texte en gras", bold=True),
    Table((("N°", "Intitulé"), ("1", "Planter"))),
]
ROWS = [["Niveau", "N°", "Intitulé", "Description"], ["Axe", 1, "Habiter", "x"]]
NAMES = {"docx": "plan.docx", "odt": "plan.odt", "pdf": "plan.pdf", "xlsx": "plan.xlsx"}
NAMES |= {"ods": "plan.ods"}
MAIN_PARTS = {
    "docx": "word/document.xml",
    "odt": "content.xml",
    "xlsx": "xl/worksheets/sheet1.xml",
    "ods": "content.xml",
}
FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def original(kind: str) -> bytes:
    if kind == "docx":
        return to_docx(CONTENT, title="Projet", header="En-tête", list_styles=False)
    if kind == "odt":
        return to_odt(CONTENT, title="Projet")
    if kind == "pdf":
        return to_pdf(CONTENT, header="En-tête", footer="Pied")
    return to_xlsx(ROWS) if kind == "xlsx" else to_ods(ROWS)


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        document = read_document(data, name)
    except PlanImportError as error:
        assert str(error)
    else:
        assert document is None or isinstance(document, Document)


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """The data with a few bytes changed, some inserted, and perhaps its end cut."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        place = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete"]))
        if action == "flip":
            data[place] = draw(st.integers(0, 255))
        elif action == "insert":
            data[place:place] = draw(st.binary(min_size=1, max_size=16))
        elif len(data) > 1:
            del data[place : place + draw(st.integers(1, 64))]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def with_part(data: bytes, part: str, content: bytes) -> bytes:
    """The archive with one member replaced, the others kept as they were."""
    source = zipfile.ZipFile(io.BytesIO(data))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            body = content if member.filename == part else source.read(member)
            archive.writestr(member.filename, body)
    return stream.getvalue()


@FUZZ
@given(data=st.data(), kind=st.sampled_from(sorted(NAMES)))
def test_damaged_files_are_read_or_refused(data, kind):
    read_or_refuse(data.draw(mutated(original(kind))), NAMES[kind])


@FUZZ
@given(data=st.data(), kind=st.sampled_from(sorted(MAIN_PARTS)))
def test_damaged_xml_inside_a_sound_archive_is_read_or_refused(data, kind):
    archive = zipfile.ZipFile(io.BytesIO(original(kind)))
    part = MAIN_PARTS[kind]
    xml = data.draw(mutated(archive.read(part)))
    read_or_refuse(with_part(original(kind), part, xml), NAMES[kind])


PART_NAMES = [
    "mimetype",
    "[Content_Types].xml",
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "_rels/.rels",
    "content.xml",
    "styles.xml",
    "meta.xml",
    "xl/workbook.xml",
    "xl/worksheets/sheet1.xml",
]
XML_BITS = st.sampled_from(
    [b"<", b">", b"</", b"/>", b'="1"', b"w:p", b"w:t", b"text:p", b"table:table-row", b"&a;"]
)


@FUZZ
@given(
    members=st.dictionaries(
        st.sampled_from(PART_NAMES),
        st.lists(st.one_of(XML_BITS, st.binary(max_size=12)), max_size=30).map(b"".join),
        min_size=1,
        max_size=6,
    ),
    name=st.sampled_from(sorted(NAMES.values())),
)
def test_random_zips_are_read_or_refused(members, name):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for member, body in members.items():
            archive.writestr(member, body)
    read_or_refuse(stream.getvalue(), name)
