"""Provides the closed vocabularies of the domain, each with its translated label."""

from __future__ import annotations

from enum import StrEnum

from smtui.domain.i18n import N_, NC_, _, pgettext


class Labelled(StrEnum):
    """A string enum whose members know how to name themselves to the user."""

    @property
    def label(self) -> str:
        label = _LABELS.get(self.value, self.value.replace("_", " ").capitalize())
        context = _CONTEXTS.get((type(self).__name__, self.value))
        return pgettext(context, label) if context else _(label)


class Platform(Labelled):
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    THREADS = "threads"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    PINTEREST = "pinterest"
    SNAPCHAT = "snapchat"
    BLOG = "blog"
    NEWSLETTER = "newsletter"
    OTHER = "other"


class ChannelStatus(Labelled):
    ACTIVE = "active"
    TO_CREATE = "to_create"
    TO_UPDATE = "to_update"
    TO_DELETE = "to_delete"
    FRAUDULENT = "fraudulent"


class CadencePeriod(Labelled):
    WEEK = "week"
    MONTH = "month"


class ObjectiveType(Labelled):
    AWARENESS = "awareness"
    ACQUISITION = "acquisition"
    LEADS = "leads"
    LOYALTY = "loyalty"
    RECRUITMENT = "recruitment"
    CUSTOMER_SERVICE = "customer_service"


class ObjectiveStatus(Labelled):
    DRAFT = "draft"
    ACTIVE = "active"
    ACHIEVED = "achieved"
    MISSED = "missed"
    DROPPED = "dropped"


class PostStatus(Labelled):
    IDEA = "idea"
    DRAFT = "draft"
    READY = "ready"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    SKIPPED = "skipped"


class InboxKind(Labelled):
    COMMENT = "comment"
    MENTION = "mention"
    DM = "dm"
    REVIEW = "review"
    QUESTION = "question"
    SHARE = "share"
    OUTREACH = "outreach"


class InboxStatus(Labelled):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    REPLIED = "replied"
    DONE = "done"
    SNOOZED = "snoozed"
    ESCALATED = "escalated"
    IGNORED = "ignored"


class Priority(Labelled):
    """Stored as a rank: the smaller the number, the sooner it is handled."""

    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def from_rank(cls, rank: int) -> Priority:
        return list(cls)[rank]

    @classmethod
    def from_stored(cls, rank: int) -> Priority:
        """The priority of a stored rank, a rank out of range taken as the nearest one."""
        return _BY_RANK[max(0, min(rank, len(_BY_RANK) - 1))]


# Looked up for every item an import writes and every queue row sorted.
_RANKS: dict[Priority, int] = {priority: rank for rank, priority in enumerate(Priority)}
_BY_RANK = tuple(Priority)


class MetricFrequency(Labelled):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


# Labels whose English word means something else elsewhere, translated in a context of their
# own (``pgettext``: the extractor finds them there).
_CONTEXTS = {
    ("InboxKind", "share"): "inbox kind",
    # A post's state agrees with "post" in French (« publication » : Programmée, Publiée).
    ("PostStatus", "ready"): "post status",
    ("PostStatus", "scheduled"): "post status",
    ("PostStatus", "published"): "post status",
    ("PostStatus", "skipped"): "post status",
}
NC_("inbox kind", "Share")
NC_("post status", "Ready")
NC_("post status", "Scheduled")
NC_("post status", "Published")
NC_("post status", "Skipped")

# English source labels, marked with N_ so that the gettext extractor finds them.
_LABELS: dict[str, str] = {
    "facebook": N_("Facebook"),
    "instagram": N_("Instagram"),
    "x": N_("X"),
    "linkedin": N_("LinkedIn"),
    "youtube": N_("YouTube"),
    "tiktok": N_("TikTok"),
    "threads": N_("Threads"),
    "bluesky": N_("Bluesky"),
    "mastodon": N_("Mastodon"),
    "pinterest": N_("Pinterest"),
    "snapchat": N_("Snapchat"),
    "blog": N_("Blog"),
    "newsletter": N_("Newsletter"),
    "other": N_("Other"),
    "active": N_("Active"),
    "to_create": N_("To create"),
    "to_update": N_("To update"),
    "to_delete": N_("To delete"),
    "fraudulent": N_("Fraudulent, to report"),
    "week": N_("week"),
    "month": N_("month"),
    "awareness": N_("Awareness"),
    "acquisition": N_("Acquisition"),
    "leads": N_("Leads"),
    "loyalty": N_("Loyalty"),
    "recruitment": N_("Recruitment"),
    "customer_service": N_("Customer service"),
    "dm": N_("DM"),
    "in_progress": N_("In progress"),
    "comment": N_("Comment"),
    "mention": N_("Mention"),
    "review": N_("Review"),
    "question": N_("Question"),
    "share": N_("Share"),
    "outreach": N_("Outreach"),
    "new": N_("New"),
    "replied": N_("Replied"),
    "done": N_("Done"),
    "snoozed": N_("Snoozed"),
    "escalated": N_("Escalated"),
    "ignored": N_("Ignored"),
    "daily": N_("Daily"),
    "weekly": N_("Weekly"),
    "monthly": N_("Monthly"),
    "draft": N_("Draft"),
    "achieved": N_("Achieved"),
    "missed": N_("Missed"),
    "dropped": N_("Dropped"),
    "idea": N_("Idea"),
    "ready": N_("Ready"),
    "scheduled": N_("Scheduled"),
    "published": N_("Published"),
    "skipped": N_("Skipped"),
    "urgent": N_("Urgent"),
    "high": N_("High"),
    "normal": N_("Normal"),
    "low": N_("Low"),
    "queued": N_("Queued"),
    "dismissed": N_("Dismissed"),
}
