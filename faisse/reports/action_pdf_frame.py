"""The frame of the action sheet's page: Typst styles (colours, parts, facts, the progress
bar, the status pill, the `fit` guard that keeps the body on one page) and the helpers that
put texts into the source as string literals only (`t`), never as markup."""

from django.utils.translation import gettext as _

from faisse.indicators.charts import INK, TARGET, VALUE
from faisse.plans.exporting.pdf import literal

ACCENT = "#7a3b0c"  # the plan export's heading colour
FLAG = "#a3290b"  # late: dark red, 6.6:1 on white
DONE = "#1c5a3a"  # the site's green, 8:1 on white

STYLES = f"""\
#set page(margin: (x: 1.8cm, top: 2.2cm, bottom: 1.9cm))
#set text(size: 10pt)
#set par(leading: 0.5em, spacing: 0.65em)
#let accent = rgb("{ACCENT}")
#let flag = rgb("{FLAG}")
#let done = rgb("{DONE}")
#let muted = luma(80)
#let part(title) = block(above: 1.05em, below: 0.5em, width: 100%,
  stroke: (bottom: 0.6pt + luma(190)), inset: (bottom: 2.5pt),
  text(size: 10.5pt, weight: "bold", fill: accent, title))
#let fact(label, body) = block(above: 0.45em, below: 0.45em,
  [#text(weight: "bold", label) #h(0.2em) #body])
#let more(body) = text(size: 8.5pt, style: "italic", fill: muted, body)
#let bar(value) = box(width: 100%, height: 0.75em, fill: luma(228), radius: 1.5pt,
  clip: true, align(left, box(width: value * 1%, height: 100%, fill: accent)))
#let pill(body, colour) = box(fill: colour, inset: (x: 5pt, y: 2.5pt), radius: 2pt,
  text(fill: white, weight: "bold", body))
#let figure-box(value, caption) = box(width: 100%, fill: luma(244), inset: 6pt,
  radius: 2.5pt, stack(dir: ttb, spacing: 0.35em,
    text(size: 12pt, weight: "bold", fill: accent, value), text(size: 8.5pt, caption)))
#let fit(body) = layout(size => {{
  let height = measure(block(width: size.width, body)).height
  if height > size.height {{
    scale(size.height / height * 100%, origin: top + left, reflow: true, body)
  }} else {{ body }}
}})
"""


def t(text: str) -> str:
    """A text as markup: a string literal, never read as markup itself."""
    return f"#{literal(text)}"


def more(count: int, message) -> str:
    """ "… et 4 autres étapes", or nothing; `message` is an ngettext_lazy keyed by "count"."""
    if not count:
        return ""
    return f"#more({literal(message % {'count': count})})"


def chart_key() -> str:
    """What the lines and marks of the small charts mean (they have no legend)."""
    measured = f'box(inset: (bottom: 0.3em), line(length: 1.4em, stroke: 1.6pt + rgb("{VALUE}")))'
    targets = (
        f'box(inset: (bottom: 0.3em), line(length: 1.4em, stroke: (paint: rgb("{TARGET}"), '
        'thickness: 1.2pt, dash: "dashed")))'
    )
    baseline = f'box(rect(width: 0.55em, height: 0.55em, fill: rgb("{INK}")))'
    key = (
        f"#{measured} {t(_('valeurs mesurées'))} #h(0.8em) #{targets} {t(_('cibles'))} "
        f"#h(0.8em) #{baseline} {t(_('valeur de référence'))}"
    )
    return f"#block(above: 0.4em, below: 0.6em, text(size: 8pt, fill: muted)[{key}])"
