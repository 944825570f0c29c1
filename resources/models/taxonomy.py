"""The fixed vocabularies that describe a lesson plan: key stage, year group,
topic, format and duration band. Filters and reach reports share them."""

from django.db import models


class KeyStage(models.TextChoices):
    KS2 = "ks2", "Key stage 2"
    KS3 = "ks3", "Key stage 3"
    KS4 = "ks4", "Key stage 4"
    KS5 = "ks5", "Key stage 5 (post-16)"


# England's year groups in each key stage; KS5 is sixth form / college.
KEY_STAGE_YEARS = {
    KeyStage.KS2: range(3, 7),
    KeyStage.KS3: range(7, 10),
    KeyStage.KS4: range(10, 12),
    KeyStage.KS5: range(12, 14),
}
YEAR_GROUPS = range(1, 14)
YEAR_GROUP_CHOICES = [(year, f"Year {year}") for year in YEAR_GROUPS]


def key_stage_years(key_stage: str) -> range:
    """The year groups in ``key_stage``; empty for an unknown key stage."""
    return KEY_STAGE_YEARS.get(key_stage, range(0))


class LessonFormat(models.TextChoices):
    DISCUSSION = "discussion", "Discussion"
    SCENARIOS = "scenarios", "Scenarios"
    ACTIVITY = "activity", "Activity"
    CREATIVE = "creative", "Creative"


class DurationBand(models.TextChoices):
    UP_TO_30 = "up-to-30", "30 minutes or less"
    UP_TO_45 = "31-45", "31 to 45 minutes"
    UP_TO_60 = "46-60", "46 to 60 minutes"
    OVER_60 = "over-60", "More than 60 minutes"


# Inclusive minute bounds of each band; None means open-ended.
DURATION_BAND_MINUTES = {
    DurationBand.UP_TO_30: (None, 30),
    DurationBand.UP_TO_45: (31, 45),
    DurationBand.UP_TO_60: (46, 60),
    DurationBand.OVER_60: (61, None),
}


class TopicChoice(models.TextChoices):
    HEALTHY_RELATIONSHIPS = "healthy-relationships", "Healthy and exploitative relationships"
    CONSENT = "consent", "Consent"
    ONLINE_SAFETY = "online-safety", "Online safety and sharing images"
    GROOMING = "grooming", "Grooming"
    PEER_PRESSURE = "peer-pressure", "Peer pressure, sexual bullying and harassment"
    GANGS_AND_GROUPS = "gangs-and-groups", "Gangs and groups"
    GETTING_HELP = "getting-help", "Where to get help"


class TopicQuerySet(models.QuerySet):
    def ensure_all(self) -> None:
        """Create any topic row that is missing (the list is fixed in code)."""
        self.bulk_create(
            [
                Topic(slug=slug, position=position)
                for position, slug in enumerate(TopicChoice.values)
            ],
            ignore_conflicts=True,
        )


class Topic(models.Model):
    """One of the fixed RSE topics. A table rather than a list in a column so a
    plan's topics can be joined and filtered on any database."""

    slug = models.SlugField(max_length=40, unique=True, choices=TopicChoice.choices)
    position = models.PositiveSmallIntegerField(default=0)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return TopicChoice(self.slug).label
