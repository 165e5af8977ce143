"""A small HTML reader for the tests: headings, links, ids, images, with the stdlib parser."""

from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.html_lang = None
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self._stack: list[list] = []  # open heading / link / title: [tag, attrs, text parts]
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag in HEADINGS or tag in {"a", "title"}:
            self._stack.append([tag, attrs, []])

    def handle_endtag(self, tag):
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                _, attrs, parts = self._stack.pop(i)
                text = " ".join("".join(parts).split())
                if tag in HEADINGS:
                    self.headings.append((int(tag[1]), text))
                elif tag == "a":
                    self.links.append((attrs.get("href", ""), text))
                elif not self.title:  # the document's; an inline SVG has <title>s too
                    self.title = text
                break

    def handle_data(self, data):
        for open_element in self._stack:
            open_element[2].append(data)

    def hrefs(self) -> set[str]:
        return {href for href, _ in self.links}

    def texts(self, level: int) -> list[str]:
        return [text for lvl, text in self.headings if lvl == level]


def page(response) -> Page:
    assert response.status_code == 200, response.status_code
    return Page(response.content.decode())
