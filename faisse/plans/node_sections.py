"""Sections that the apps built on the plan add to an element's public page — how a
questionnaire ranked it, the proposal it came from… — without the portal knowing each
app: an app registers a provider in its AppConfig.ready().

A provider is called as provider(node, drafts=…) and returns a NodeSection or None; it
should cost a constant number of queries (one, usually).
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class NodeSection:
    template: str  # included with `section` = this object
    context: dict = field(default_factory=dict)
    order: int = 50  # lower first


_providers: list[Callable] = []


def register_node_section(provider: Callable) -> None:
    if provider not in _providers:
        _providers.append(provider)


def node_sections(node, *, drafts: bool = False) -> list[NodeSection]:
    sections = [provider(node, drafts=drafts) for provider in _providers]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
