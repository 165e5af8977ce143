"""What an editor fixes in the preview of an import, kept apart from the document.

The preview never edits a parsed tree in place: it keeps the uploaded file and this
list of corrections, and the recogniser reads the file again with them. So a correction
made early still holds when another is added, and the page can always show the source
beside the result. Every key is a block's place (`Block.where`) in the document.
"""

from dataclasses import asdict, dataclass, field

# What a line may be made: a node of one of Faïsse's kinds, plain text (a description
# of the node above), or noise (left out).
LINE_ROLES = ("axis", "orientation", "objective", "group", "action", "text", "noise")


@dataclass
class Corrections:
    roles: dict[int, str] = field(default_factory=dict)  # where → one of LINE_ROLES
    merges: set[int] = field(default_factory=set)  # node joined to the node before it
    splits: dict[int, int] = field(default_factory=dict)  # where → offset in its title
    names: dict[str, list[str]] = field(default_factory=dict)  # kind → [singular, plural]

    def as_json(self) -> dict:
        data = asdict(self)
        data["merges"] = sorted(self.merges)
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> "Corrections":
        data = data or {}
        return cls(
            roles={int(k): v for k, v in data.get("roles", {}).items() if v in LINE_ROLES},
            merges={int(w) for w in data.get("merges", [])},
            splits={int(k): int(v) for k, v in data.get("splits", {}).items()},
            names={k: list(v)[:2] for k, v in data.get("names", {}).items() if v},
        )
