from resources.models.deliveries import Delivery
from resources.models.pages import LessonPlanDocument, LessonPlanPage, ResourceIndexPage
from resources.models.sharing import ParentLink
from resources.models.taxonomy import (
    DurationBand,
    KeyStage,
    LessonFormat,
    Topic,
    TopicChoice,
)

__all__ = [
    "Delivery",
    "DurationBand",
    "KeyStage",
    "LessonFormat",
    "LessonPlanDocument",
    "LessonPlanPage",
    "ParentLink",
    "ResourceIndexPage",
    "Topic",
    "TopicChoice",
]
