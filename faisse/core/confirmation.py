"""Destructive actions ask first, without JavaScript: the first POST shows what will
happen, the second one (carrying `confirm`) does it."""

from dataclasses import dataclass, field

from django.shortcuts import render


@dataclass
class Confirmation:
    title: str
    question: str
    button: str
    action: str  # the URL the confirmed form posts to
    cancel: str
    details: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)  # hidden fields to repeat


def confirmed(request) -> bool:
    return request.POST.get("confirm") == "1"


def ask(request, confirmation: Confirmation, territory=None):
    context = {"confirm": confirmation, "territory": territory}
    return render(request, "core/confirm.html", context)
