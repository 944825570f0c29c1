from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from organisations.models.partnership import Partnership


class WorkforceGroup(models.Model):
    """A band of the workforce by contact with children, e.g. "Group 2: regular
    contact". Each partnership keeps its own ordered list with one default."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="workforce_groups"
    )
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_default = models.BooleanField(
        "default group",
        default=False,
        help_text="New members join this group unless another is chosen.",
    )

    class Meta:
        ordering = ["partnership", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                "partnership", Lower("name"), name="organisations_unique_group_name"
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(is_default=True),
                name="organisations_one_default_group",
            ),
        ]

    def __str__(self):
        return self.name
