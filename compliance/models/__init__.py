from compliance.models.assignment import Assignment, AssignmentCycle, AssignmentStatus
from compliance.models.records import ExternalRecord, RecordKind, RecordState
from compliance.models.reminders import DigestLog, ReminderKind, ReminderLog
from compliance.models.requirement import Requirement

__all__ = [
    "Assignment",
    "AssignmentCycle",
    "AssignmentStatus",
    "DigestLog",
    "ExternalRecord",
    "RecordKind",
    "RecordState",
    "ReminderKind",
    "ReminderLog",
    "Requirement",
]
