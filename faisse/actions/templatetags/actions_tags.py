from django import template

register = template.Library()


@register.simple_tag
def fields(form, names: str) -> list:
    """The bound fields of `form` named in `names` (space-separated), in that order."""
    return [form[name] for name in names.split() if name in form.fields]
