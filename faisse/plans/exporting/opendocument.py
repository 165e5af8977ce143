"""The plan as an OpenDocument text (odfpy), as LibreOffice writes its own:

the title in the "Title" style (and the document's dc:title), the facts in "Subtitle";
headings are text:h with their outline level (axis 1, orientation 2, objective 3, group 4)
in the "Heading 1–4" styles; actions are items of a bulleted text:list, a sub-action in a
list nested in its action's item; an action's description and notes are further
paragraphs of its item (only an item's first paragraph carries the bullet). A4 pages, the
plan's title in the header and "Page N sur M" in the footer (master page "Standard").
"""

from io import BytesIO

from django.utils.translation import gettext as _
from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import (
    Footer,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TextProperties,
)
from odf.text import (
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
)

from faisse.plans.exporting.document import Entry, PlanDocument
from faisse.plans.exporting.typography import NBSP

FONT = "Liberation Serif"
BULLETS = ("•", "◦", "▪")


class _Styles:
    """The named styles of the document, declared once in styles.xml."""

    def __init__(self, odt: OpenDocumentText):
        self.odt = odt
        default = Style(name="Standard", family="paragraph", displayname="Default")
        default.addElement(
            TextProperties(
                fontname=FONT,
                fontfamily=FONT,
                fontsize="11pt",
                language="fr",
                country="FR",
            )
        )
        default.addElement(ParagraphProperties(marginbottom="0.2cm", lineheight="115%"))
        self.body = self._add(default)
        self.title = self._paragraph("Title", "Title", "24pt", bold=True, center=True)
        self.subtitle = self._paragraph("Subtitle", "Subtitle", "12pt", center=True)
        self.headings = {
            level: self._paragraph(
                f"Heading_20_{level}",
                f"Heading {level}",
                size,
                bold=True,
                outline=level,
                above="0.5cm" if level == 1 else "0.35cm",
            )
            for level, size in ((1, "18pt"), (2, "15pt"), (3, "13pt"), (4, "11.5pt"))
        }
        self.list_paragraph = self._paragraph("List_20_Bullet", "List Bullet", "11pt")
        self.motto = self._paragraph("Motto", "Devise", "12pt", bold=True)
        self.note = self._paragraph("Note", "Note", "10.5pt", italic=True)
        self.bullets = ListStyle(name="Puces", displayname="Puces")
        for level, bullet in enumerate(BULLETS, start=1):
            style = ListLevelStyleBullet(level=level, bulletchar=bullet)
            style.addElement(
                ListLevelProperties(spacebefore=f"{0.6 * (level - 1):.1f}cm", minlabelwidth="0.6cm")
            )
            self.bullets.addElement(style)
        odt.styles.addElement(self.bullets)
        self.page_furniture = self._paragraph("Header", "Header", "8.5pt", center=True)
        self.italic = Style(name="Italique", family="text")
        self.italic.addElement(TextProperties(fontstyle="italic"))
        odt.automaticstyles.addElement(self.italic)

    def _add(self, style: Style) -> Style:
        self.odt.styles.addElement(style)
        return style

    def _paragraph(
        self, name, display, size, *, bold=False, italic=False, center=False, outline=0, above="0cm"
    ) -> Style:
        attributes = {"name": name, "family": "paragraph", "displayname": display}
        attributes["parentstylename"] = "Standard"
        if outline:
            attributes["defaultoutlinelevel"] = str(outline)
        style = Style(**attributes)
        text = {"fontsize": size}
        if bold:
            text["fontweight"] = "bold"
        if italic:
            text["fontstyle"] = "italic"
        style.addElement(TextProperties(**text))
        paragraph = {"margintop": above, "keepwithnext": "always" if outline else "auto"}
        if center:
            paragraph["textalign"] = "center"
        style.addElement(ParagraphProperties(**paragraph))
        return self._add(style)


def write_odt(document: PlanDocument) -> bytes:
    odt = OpenDocumentText()
    odt.meta.addElement(dc.Title(text=document.title))
    odt.meta.addElement(dc.Language(text="fr-FR"))
    odt.meta.addElement(dc.Subject(text=_("Projet de territoire")))
    odt.meta.addElement(meta.InitialCreator(text=document.plan.territory.name))
    styles = _Styles(odt)
    _pages(odt, styles, document.title)
    body = odt.text
    body.addElement(P(stylename=styles.title, text=document.title))
    for fact in document.facts:
        body.addElement(P(stylename=styles.subtitle, text=fact))
    if document.motto or document.ambition:
        body.addElement(H(outlinelevel=1, stylename=styles.headings[1], text=_("Ambition")))
        if document.motto:
            body.addElement(P(stylename=styles.motto, text=document.motto))
        for text in document.ambition:
            body.addElement(P(stylename=styles.body, text=text))
    if document.challenges:
        body.addElement(H(outlinelevel=1, stylename=styles.headings[1], text=_("Défis")))
        challenges = List(stylename=styles.bullets)
        for title, points in document.challenges:
            item = _item(challenges, styles, title)
            if points:
                sublist = List()
                for point in points:
                    _item(sublist, styles, point)
                item.addElement(sublist)
        body.addElement(challenges)
    _entries(body, styles, document.entries)
    out = BytesIO()
    odt.write(out)
    return out.getvalue()


def _pages(odt: OpenDocumentText, styles: _Styles, title: str) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            printorientation="portrait",
            margintop="1.5cm",
            marginbottom="1.5cm",
            marginleft="2.2cm",
            marginright="2.2cm",
        )
    )
    odt.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    header = Header()
    header.addElement(P(stylename=styles.page_furniture, text=title))
    master.addElement(header)
    footer = Footer()
    line = P(stylename=styles.page_furniture, text=_("Page") + NBSP)
    line.addElement(PageNumber(selectpage="current", text="1"))
    line.addText(" " + _("sur") + NBSP)
    line.addElement(PageCount(text="1"))
    footer.addElement(line)
    master.addElement(footer)
    odt.masterstyles.addElement(master)


def _item(parent_list: List, styles: _Styles, text: str) -> ListItem:
    item = ListItem()
    item.addElement(P(stylename=styles.list_paragraph, text=text))
    parent_list.addElement(item)
    return item


def _entries(container, styles: _Styles, entries: list[Entry]) -> None:
    """Headings go into the container; a run of actions makes one list."""
    current_list = None
    for entry in entries:
        if entry.heading:
            current_list = None
            container.addElement(
                H(
                    outlinelevel=entry.heading,
                    stylename=styles.headings[entry.heading],
                    text=entry.text,
                )
            )
            for text in entry.paragraphs:
                container.addElement(P(stylename=styles.body, text=text))
            for text in entry.notes:
                container.addElement(P(stylename=styles.note, text=text))
            _entries(container, styles, entry.children)
            continue
        if current_list is None:
            current_list = List(stylename=styles.bullets) if entry.list_depth == 0 else List()
            container.addElement(current_list)
        item = _item(current_list, styles, entry.text)
        for text in entry.paragraphs:
            item.addElement(P(stylename=styles.body, text=text))
        for text in entry.notes:
            paragraph = P(stylename=styles.body)
            paragraph.addElement(Span(stylename=styles.italic, text=text))
            item.addElement(paragraph)
        if entry.children:
            _entries(item, styles, entry.children)
