"""Sections that the apps built on the plan add to an element's public page — how a
questionnaire ranked it, the proposal it came from… — without the portal knowing each
app: an app registers a provider in its AppConfig.ready().

A provider is called as provider(node, drafts=…) and returns a NodeSection or None; it
should cost a constant number of queries (one, usually). One registered with
`wants_tree=True` also receives the page's PlanTree (`tree=`, the tree the person sees,
already loaded), so that a section about the element's subtree reads no tree again.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class NodeSection:
    template: str  # included with `section` = this object
    context: dict = field(default_factory=dict)
    order: int = 50  # lower first


_providers: list[tuple[Callable, bool]] = []


def register_node_section(provider: Callable, *, wants_tree: bool = False) -> None:
    if all(known is not provider for known, _wants in _providers):
        _providers.append((provider, wants_tree))


def node_sections(node, *, drafts: bool = False, tree=None) -> list[NodeSection]:
    sections = [
        provider(node, drafts=drafts, tree=tree) if wants_tree else provider(node, drafts=drafts)
        for provider, wants_tree in _providers
    ]
    return sorted((s for s in sections if s is not None), key=lambda s: s.order)
