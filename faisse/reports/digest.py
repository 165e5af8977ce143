"""The weekly digest: for each person who leads actions or indicators in a territory, one
e-mail saying what is late, what falls due within 14 days, which indicators have had no
value for a year, and what others changed on their actions since the last digest.

Built by `faisse send_digests` (a weekly cron job, never during a request): per
territory, the plan's follow-up is read once and every person's digest is cut from it,
so the queries grow with the territories, not with the actions or the people. A person
with nothing to be told gets no e-mail; a second run in the same ISO week sends nothing
(`DigestSubscription.last_sent_week`, claimed by one conditional UPDATE before sending).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core import signing
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from faisse.accounts.abilities import GRANTS
from faisse.accounts.models import Membership
from faisse.accounts.privacy import PersonalDataSource
from faisse.actions import statuses
from faisse.actions.follow_up import PlanFollowUp
from faisse.actions.models import ActionSheet, ActionUpdate
from faisse.indicators.models import Indicator, IndicatorLink
from faisse.plans.models import Plan, PlanNode
from faisse.plans.tree import PlanTree
from faisse.reports.models import DigestSubscription

DUE_WITHIN_DAYS = 14
STALE_AFTER_DAYS = 365
FIRST_CHANGES_DAYS = 7  # a first digest tells the changes of the last week
OLDEST_CHANGES_DAYS = 31  # never further back, whatever the last digest's date
NOTE_SHOWN = 200  # characters of a note quoted in the e-mail
UNSUBSCRIBE_SALT = "faisse.reports.digest.unsubscribe"
FOLLOW_UP_ROLES = [role for role, granted in GRANTS.items() if role and "follow_up" in granted]


def iso_week(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


# --- the one-click opt-out -----------------------------------------------------------


def unsubscribe_token(user, territory) -> str:
    """Signed, never expiring (an old e-mail's link still works), nothing stored."""
    return signing.dumps({"u": user.pk, "t": territory.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str, territory) -> int | None:
    """The id of the person a link is for, when it is valid for this territory."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or payload.get("t") != territory.pk:
        return None
    user_id = payload.get("u")
    return user_id if isinstance(user_id, int) else None


def _subscriptions(user) -> list[dict]:
    rows = DigestSubscription.objects.filter(user=user).select_related("territory")
    return [
        {
            "territory": row.territory.name,
            "enabled": row.enabled,
            "last_sent_week": row.last_sent_week,
            "last_sent_at": row.last_sent_at.isoformat() if row.last_sent_at else None,
        }
        for row in rows.order_by("territory__name")
    ]


# The person's choices about the digest, for "my data" and the erasure of an account (to be
# registered in the app's ready(): accounts.privacy.register_personal_data).
DIGEST_SUBSCRIPTIONS = PersonalDataSource(
    key="digest_subscriptions",
    export=_subscriptions,
    describe=lambda rows: (
        ngettext(
            "%(count)s choix sur le courriel hebdomadaire de suivi",
            "%(count)s choix sur le courriel hebdomadaire de suivi",
            len(rows),
        )
        % {"count": len(rows)}
    ),
    erase=lambda user: DigestSubscription.objects.filter(user=user).delete(),
)


def set_digest(user_id: int, territory, enabled: bool) -> DigestSubscription:
    subscription, _created = DigestSubscription.objects.update_or_create(
        user_id=user_id, territory=territory, defaults={"enabled": enabled}
    )
    return subscription


# --- what a digest says ----------------------------------------------------------------


@dataclass
class ActionLine:
    node: PlanNode
    status: str
    end_date: date | None
    next_due: date | None  # the earliest undone milestone
    url: str = ""  # absolute, set when the e-mail is written

    @property
    def status_label(self) -> str:
        return statuses.label(self.status)


@dataclass
class IndicatorLine:
    indicator: Indicator
    last_on: date | None
    url: str = ""


@dataclass
class Change:
    node: PlanNode
    at: datetime
    who: str
    what: str
    url: str = ""


@dataclass
class Digest:
    user: object
    territory: object
    week: str
    late: list[ActionLine] = field(default_factory=list)
    due: list[ActionLine] = field(default_factory=list)
    stale: list[IndicatorLine] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    since: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.late or self.due or self.stale or self.changes)


def _name(user) -> str:
    return str(user) if user is not None else _("une personne inconnue")


def _update_words(update: ActionUpdate) -> str:
    parts = []
    if update.new_status:
        parts.append(
            _("statut : %(old)s → %(new)s")
            % {"old": statuses.label(update.old_status), "new": statuses.label(update.new_status)}
        )
    if update.new_progress is not None:
        old = "—" if update.old_progress is None else f"{update.old_progress} %"
        parts.append(
            _("avancement : %(old)s → %(new)s %%") % {"old": old, "new": update.new_progress}
        )
    if update.note:
        note = " ".join(update.note.split())
        if len(note) > NOTE_SHOWN:
            note = note[: NOTE_SHOWN - 1] + "…"
        parts.append(_("note : « %(note)s »") % {"note": note})
    return " ; ".join(parts)


def _told_by_an_update(record) -> bool:
    """A sheet saved by record_update: its dated update tells the change already."""
    reason = record.history_change_reason or ""
    prefix = _("Point de suivi du %(date)s").split("%(date)s")[0]
    return reason.startswith(prefix) or reason == str(statuses.CORRECTION_REASON)


def _history_words(record, what: str) -> str:
    reason = (record.history_change_reason or "").strip()
    return f"{what} ({reason})" if reason and reason.casefold() != what.casefold() else what


class TerritoryDigests:
    """Everything the digests of one territory need, read once."""

    def __init__(self, territory, *, now: datetime):
        self.territory = territory
        self.now = now
        self.today = timezone.localdate(now)
        self.week = iso_week(self.today)
        self.plan = Plan.objects.of_territory(territory).current()
        self.actions_of: dict[int, list[PlanNode]] = defaultdict(list)  # user id → nodes
        self.follow_up = None
        if self.plan is not None:
            self.plan.territory = territory
            self.follow_up = PlanFollowUp.load(
                PlanTree.load(self.plan, drafts=True), today=self.today
            )
            for node in self.follow_up.actions():
                for pilot in self.follow_up.pilots.get(node.pk, ()):
                    self.actions_of[pilot.pk].append(node)
        self.indicators_of = self._indicators_led()
        self.subscriptions = {
            sub.user_id: sub for sub in DigestSubscription.objects.filter(territory=territory)
        }

    def people(self) -> list:
        """Members who may follow up and lead something here, with an address."""
        leaders = set(self.actions_of) | set(self.indicators_of)
        memberships = Membership.objects.filter(
            territory=self.territory,
            role__in=FOLLOW_UP_ROLES,
            user_id__in=leaders,
            user__is_active=True,
            user__erased_at__isnull=True,
        ).select_related("user")
        return [m.user for m in memberships.order_by("user__email") if m.user.email]

    def _indicators_led(self) -> dict[int, list[IndicatorLine]]:
        indicators = {
            indicator.pk: indicator
            for indicator in Indicator.objects.of_territory(self.territory).annotate(
                last_on=Max("values__on")
            )
        }
        led: dict[int, set[int]] = defaultdict(set)
        through = Indicator.pilots.through.objects.filter(indicator__territory=self.territory)
        for indicator_id, user_id in through.values_list("indicator_id", "user_id"):
            led[user_id].add(indicator_id)
        links = IndicatorLink.objects.filter(
            territory=self.territory, node__kind=PlanNode.Kind.ACTION, node__pilots__isnull=False
        ).values_list("indicator_id", "node__pilots")
        for indicator_id, user_id in links:
            led[user_id].add(indicator_id)
        return {
            user_id: [
                IndicatorLine(indicators[pk], indicators[pk].last_on)
                for pk in sorted(ids, key=lambda pk: (indicators[pk].title, pk))
                if pk in indicators
            ]
            for user_id, ids in led.items()
        }

    def since(self, user) -> datetime:
        subscription = self.subscriptions.get(user.pk)
        oldest = self.now - timedelta(days=OLDEST_CHANGES_DAYS)
        if subscription is None or subscription.last_sent_at is None:
            return self.now - timedelta(days=FIRST_CHANGES_DAYS)
        return max(subscription.last_sent_at, oldest)

    def wants(self, user) -> bool:
        subscription = self.subscriptions.get(user.pk)
        return subscription is None or subscription.enabled

    def sent_this_week(self, user) -> bool:
        subscription = self.subscriptions.get(user.pk)
        return subscription is not None and subscription.last_sent_week == self.week

    def digests(self, people) -> list[Digest]:
        """Each person's digest (empty ones included: the caller skips them)."""
        changes = self._changes({person.pk: self.since(person) for person in people})
        stale_before = self.today - timedelta(days=STALE_AFTER_DAYS)
        found = []
        for person in people:
            digest = Digest(person, self.territory, self.week, since=self.since(person))
            for node in self.actions_of.get(person.pk, ()):
                line = self._line(node)
                if self.follow_up.is_late(node):
                    digest.late.append(line)
                elif self.follow_up.is_due_soon(node, days=DUE_WITHIN_DAYS):
                    digest.due.append(line)
            digest.stale = [
                line
                for line in self.indicators_of.get(person.pk, ())
                if line.last_on is None or line.last_on < stale_before
            ]
            digest.changes = changes.get(person.pk, [])
            found.append(digest)
        return found

    def _line(self, node: PlanNode) -> ActionLine:
        sheet = self.follow_up.sheet(node)
        milestones = self.follow_up.milestones.get(node.pk)
        return ActionLine(node, sheet.status, sheet.end_date, milestones and milestones.next_due)

    def _changes(self, since_of: dict[int, datetime]) -> dict[int, list[Change]]:
        """Changes made by others to each person's actions since their `since`: dated
        updates, and edits of the action or of its sheet (named by their reason)."""
        if not since_of or self.plan is None:
            return {}
        start = min(since_of.values())
        nodes = {node.pk: node for node in self.follow_up.actions()}
        sheets = {sheet.pk: sheet.node_id for sheet in self.follow_up.sheets.values() if sheet.pk}
        found: list[tuple[int, datetime, int | None, str, str]] = []
        updates = ActionUpdate.objects.filter(plan=self.plan, created_at__gte=start)
        for update in updates.select_related("author", "sheet").order_by("created_at", "pk"):
            found.append(
                (
                    update.sheet.node_id,
                    update.created_at,
                    update.author_id,
                    _name(update.author),
                    _update_words(update),
                )
            )
        node_history = PlanNode.history.filter(
            plan_id=self.plan.pk,
            kind=PlanNode.Kind.ACTION,
            history_date__gte=start,
            history_user__isnull=False,
            history_type="~",
        ).select_related("history_user")
        for record in node_history:
            found.append(
                (
                    record.id,
                    record.history_date,
                    record.history_user_id,
                    _name(record.history_user),
                    _history_words(record, _("action modifiée")),
                )
            )
        sheet_history = ActionSheet.history.filter(
            plan_id=self.plan.pk, history_date__gte=start, history_user__isnull=False
        ).select_related("history_user")
        for record in sheet_history:
            if record.id not in sheets or _told_by_an_update(record):
                continue
            found.append(
                (
                    sheets[record.id],
                    record.history_date,
                    record.history_user_id,
                    _name(record.history_user),
                    _history_words(record, _("fiche action modifiée")),
                )
            )
        by_person: dict[int, list[Change]] = defaultdict(list)
        piloted_by = {
            user_id: {node.pk for node in actions} for user_id, actions in self.actions_of.items()
        }
        for node_id, at, author_id, who, what in sorted(found, key=lambda item: item[1]):
            if node_id not in nodes or not what:
                continue
            for user_id, since in since_of.items():
                if author_id != user_id and at >= since and node_id in piloted_by.get(user_id, ()):
                    by_person[user_id].append(Change(nodes[node_id], at, who, what))
        return by_person
