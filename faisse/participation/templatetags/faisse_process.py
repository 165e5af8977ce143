from django import template

from faisse.participation.process import step_dates_html

register = template.Library()


@register.filter
def step_dates(step):
    """A step's dates as <time> elements: "octobre 2017", "23 mai 2018", ranges with a dash."""
    return step_dates_html(step)
