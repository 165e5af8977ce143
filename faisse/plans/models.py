"""The projet de territoire: a plan, its ambition and challenges, and its tree of nodes."""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from faisse.core.text import TextValidator
from faisse.territories.models import Territory


class PlanQuerySet(models.QuerySet):
    def of_territory(self, territory: Territory) -> "PlanQuerySet":
        return self.filter(territory=territory)

    def current(self) -> "Plan | None":
        """The plan a territory shows by default: the latest adopted, else the latest."""
        adopted_first = models.Case(
            models.When(status=Plan.Status.ADOPTED, then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return self.order_by(
            adopted_first, models.F("period_start").desc(nulls_last=True), "-id"
        ).first()


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("En préparation")
        ADOPTED = "adopted", _("Adopté")

    territory = models.ForeignKey(
        Territory, on_delete=models.CASCADE, related_name="plans", verbose_name=_("territoire")
    )
    title = models.CharField(_("titre"), max_length=255, validators=[TextValidator()])
    period_start = models.PositiveSmallIntegerField(_("première année"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("dernière année"), null=True, blank=True)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    adopted_on = models.DateField(_("date d'adoption"), null=True, blank=True)
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        verbose_name=_("projet précédent"),
    )
    ambition_motto = models.CharField(
        _("devise de l'ambition"), max_length=255, blank=True, validators=[TextValidator()]
    )
    ambition_text = models.TextField(_("ambition"), blank=True, validators=[TextValidator("text")])
    source_name = models.CharField(
        _("document source"), max_length=255, blank=True, validators=[TextValidator()]
    )
    # The plan's own names of its levels, {kind: [singular, plural]} ("axis": ["Enjeu",
    # "Enjeux"]); a kind left out keeps Faïsse's name. Nodes carry a copy (level_name) so
    # that a page names them without reading the plan again; set_level_names keeps both.
    level_names = models.JSONField(_("noms des niveaux"), default=dict, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = PlanQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("historique des projets de territoire"),
        verbose_name_plural=_("historique des projets de territoire"),
    )

    class Meta:
        verbose_name = _("projet de territoire")
        verbose_name_plural = _("projets de territoire")
        ordering = ["territory", "-period_start", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "title"], name="unique_plan_title_per_territory"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:plan", args=[self.territory.slug])

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        return str(self.period_start or "")

    def level_name(self, kind: str, *, plural: bool = False) -> str:
        """The plan's name of a level ("Enjeu", "Enjeux"), else Faïsse's."""
        names = self.level_names.get(kind)
        if names:
            return names[1 if plural and len(names) > 1 else 0]
        return str(PLURAL_KIND_LABELS[kind] if plural else PlanNode.Kind(kind).label)

    def counted(
        self, counts, kinds=("axis", "orientation", "objective", "action"), keep=("axis", "action")
    ) -> list[tuple[int, str]]:
        """[(3, "enjeux"), (8, "fiches action")]: the counts of the levels in the plan's
        words, leaving out the kinds in `kinds` it has none of (but those in `keep`)."""
        found = ((kind, counts.get(kind, 0)) for kind in kinds)
        return [
            (n, in_sentence(self.level_name(kind, plural=n > 1)))
            for kind, n in found
            if n or kind in keep
        ]

    def set_level_names(self, names: dict[str, list[str]]) -> None:
        """Name the plan's levels and rename its nodes accordingly (one update per kind)."""
        self.level_names = {kind: list(pair) for kind, pair in names.items() if pair and pair[0]}
        self.save(update_fields=["level_names", "updated_at"])
        for kind in PlanNode.Kind.values:
            own = self.level_names.get(kind, [""])[0]
            self.nodes.filter(kind=kind).exclude(level_name=own).update(level_name=own)

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("La dernière année précède la première.")})
        if self.status == self.Status.ADOPTED and not self.adopted_on:
            raise ValidationError({"adopted_on": _("Un projet adopté a une date d'adoption.")})


class Challenge(models.Model):
    """One of the challenges (défis) the ambition answers, with its sub-points."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="challenges")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(_("rang"), default=0)
    title = models.TextField(_("défi"), validators=[TextValidator("title")])
    points = models.JSONField(_("précisions"), default=list, blank=True)
    history = HistoricalRecords(
        verbose_name=_("historique des défis"), verbose_name_plural=_("historique des défis")
    )

    class Meta:
        verbose_name = _("défi")
        verbose_name_plural = _("défis")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.title


class PlanNode(models.Model):
    """A node of the plan's tree: axis → orientation → objective → group → action.

    Each node has one home (`parent`); `SharedPlacement` shows it under other parents too.
    """

    class Kind(models.TextChoices):
        AXIS = "axis", _("Axe")
        ORIENTATION = "orientation", _("Orientation")
        OBJECTIVE = "objective", _("Objectif")
        GROUP = "group", _("Sous-ensemble")
        ACTION = "action", _("Action")

    # French path segment of each kind's pages: /<territoire>/plan/actions/42/
    URL_SEGMENTS = {
        Kind.AXIS: "axes",
        Kind.ORIENTATION: "orientations",
        Kind.OBJECTIVE: "objectifs",
        Kind.GROUP: "ensembles",
        Kind.ACTION: "actions",
    }

    # The fields an editor changes from the site or the API: the one list that the edit
    # form, the API's schema, restore and the history read. A pilot of an action changes
    # only PILOT_FIELDS (see plans.abilities).
    EDITABLE_FIELDS = (
        "title",
        "number",
        "description",
        "is_published",
        "internal_notes",
        "follow_up",
        "follow_up_is_public",
        "weight",
    )
    PILOT_FIELDS = ("follow_up", "follow_up_is_public")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="nodes")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    kind = models.CharField(_("nature"), max_length=12, choices=Kind.choices)
    # The plan's name of the node's level ("Enjeu", "Fiche action"); blank: the kind's.
    level_name = models.CharField(_("nom du niveau"), max_length=60, blank=True)
    number = models.CharField(_("numéro"), max_length=20, blank=True, validators=[TextValidator()])
    title = models.TextField(_("intitulé"), blank=True, validators=[TextValidator("title")])
    description = models.TextField(_("description"), blank=True, validators=[TextValidator("text")])
    position = models.PositiveIntegerField(_("rang"), default=0)
    source_line = models.PositiveIntegerField(_("ligne du document source"), null=True, blank=True)
    # Unpublished nodes and internal notes are seen by members only (see accounts.abilities).
    is_published = models.BooleanField(_("publié"), default=True)
    internal_notes = models.TextField(
        _("notes internes"), blank=True, validators=[TextValidator("text")]
    )
    # Follow-up that a pilot of the action may write, for the members of the territory
    # or, when its writer chooses so, for everyone.
    follow_up = models.TextField(_("note de suivi"), blank=True, validators=[TextValidator("text")])
    follow_up_is_public = models.BooleanField(_("note de suivi publique"), default=False)
    # The node's share in its parent's progress (faisse.actions.follow_up): equal by
    # default; 0 leaves it out of the roll-up.
    weight = models.PositiveSmallIntegerField(
        _("poids"),
        default=1,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "Part de l'élément dans l'avancement de son parent "
            "(1 par défaut, 0 : compté pour rien)."
        ),
    )
    pilots = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="piloted_nodes",
        verbose_name=_("pilotes"),
    )
    # Raised on every save from the site: a form posted with an older version was based on
    # data someone else has changed since (optimistic concurrency control).
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords(
        m2m_fields=["pilots"],
        verbose_name=_("historique des éléments du plan"),
        verbose_name_plural=_("historique des éléments du plan"),
    )

    class Meta:
        verbose_name = _("élément du plan")
        verbose_name_plural = _("éléments du plan")
        ordering = ["plan", "position", "id"]
        indexes = [models.Index(fields=["plan", "kind"], name="plannode_plan_kind")]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return self.url_for(self.plan.territory.slug)

    @property
    def label(self) -> str:
        """How the node is named to everyone: "Axe 1 : …", "Orientation 1.2 : …", its
        title; a node still without a title by its kind and number ("Axe 3"), never by
        a placeholder the public would read as unfinished."""
        kind_number = f"{self.kind_label} {self.number}".strip()
        if not self.title:
            return kind_number
        if self.kind in (self.Kind.AXIS, self.Kind.ORIENTATION):
            return f"{kind_number} : {self.title}"
        return f"{self.number} {self.title}".strip() if self.number else self.title

    @property
    def kind_label(self) -> str:
        """The name of the node's level in its plan ("Enjeu"), else of its kind ("Axe")."""
        return self.level_name or kind_name(self.kind)

    @property
    def working_label(self) -> str:
        """The label in the management space, where a missing title is a task to do."""
        return self.label if self.title else f"{self.label} {_('(intitulé à compléter)')}"

    def clean(self) -> None:
        if self.parent_id and self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": _("Le parent appartient à un autre projet.")})

    def save_change(self, user, reason: str, *, validate: Iterable[str] = ()) -> None:
        """Save a change made from the site, the API or a command, always the same way:
        the fields in `validate` are checked by their validators (ValidationError), the
        version goes up (a form opened before cannot write over the change), the history
        records who (`user`; None leaves it to the request's middleware) and why."""
        if validate:
            checked = set(validate)
            others = [field.name for field in self._meta.fields if field.name not in checked]
            self.full_clean(exclude=others, validate_unique=False, validate_constraints=False)
        self.version += 1
        if user is not None:
            self._history_user = user
        self._change_reason = reason
        self.save()

    def url_for(self, territory_slug: str) -> str:
        """The node's page, without fetching its plan and territory again."""
        return reverse("portal:node", args=[territory_slug, self.URL_SEGMENTS[self.kind], self.pk])


_KIND_NAMES: dict[tuple[str, str], str] = {}


def kind_name(kind: str) -> str:
    """Faïsse's name of a kind in the active language, computed once per language: pages
    name hundreds of nodes, and get_kind_display() rebuilds the choices and translates
    each time."""
    key = (kind, get_language() or "")
    if key not in _KIND_NAMES:
        _KIND_NAMES[key] = str(PlanNode.Kind(kind).label)
    return _KIND_NAMES[key]


def in_sentence(name: str) -> str:
    """A level name inside a sentence: "Fiches action" → "fiches action", "PCAET" stays."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


PLURAL_KIND_LABELS = {
    PlanNode.Kind.AXIS: _("Axes"),
    PlanNode.Kind.ORIENTATION: _("Orientations"),
    PlanNode.Kind.OBJECTIVE: _("Objectifs"),
    PlanNode.Kind.GROUP: _("Sous-ensembles"),
    PlanNode.Kind.ACTION: _("Actions"),
}


class SharedPlacement(models.Model):
    """A node shown under a second parent without copying its data (cross-cutting action)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="shared_placements")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    node = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="shared_placements")
    parent = models.ForeignKey(PlanNode, on_delete=models.CASCADE, related_name="shared_children")
    position = models.PositiveIntegerField(_("rang"), default=0)
    history = HistoricalRecords(
        verbose_name=_("historique des rattachements supplémentaires"),
        verbose_name_plural=_("historique des rattachements supplémentaires"),
    )

    class Meta:
        verbose_name = _("rattachement supplémentaire")
        verbose_name_plural = _("rattachements supplémentaires")
        constraints = [
            models.UniqueConstraint(fields=["node", "parent"], name="unique_shared_placement")
        ]

    def __str__(self) -> str:
        return f"{self.node} ↳ {self.parent}"

    def clean(self) -> None:
        if self.node_id and self.parent_id:
            if self.node.plan_id != self.parent.plan_id:
                raise ValidationError(_("Les deux éléments doivent appartenir au même projet."))
            if self.node.parent_id == self.parent_id or self.node_id == self.parent_id:
                raise ValidationError(_("L'élément est déjà rattaché à ce parent."))


class SimilarPairDecision(models.Model):
    """What an editor decided about two actions that say the same thing."""

    class Decision(models.TextChoices):
        MERGED = "merged", _("Fusionnées")
        DISMISSED = "dismissed", _("Écartées")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="similar_pairs")
    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    # Stored as ids and titles, not foreign keys: a merge deletes one of the two nodes and
    # the decision must outlive it.
    first_id = models.BigIntegerField(_("première action"))
    second_id = models.BigIntegerField(_("seconde action"))
    first_title = models.TextField(_("intitulé de la première"), blank=True)
    second_title = models.TextField(_("intitulé de la seconde"), blank=True)
    score = models.FloatField(_("similarité"), default=0)
    decision = models.CharField(_("décision"), max_length=10, choices=Decision.choices)
    decided_at = models.DateTimeField(_("décidé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("décision sur des actions similaires")
        verbose_name_plural = _("décisions sur des actions similaires")
        ordering = ["-decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "first_id", "second_id"], name="unique_similar_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_title} ~ {self.second_title}"


from faisse.plans.drafts import ImportDraft  # noqa: E402, F401  (a model of this app)
