"""The workforce groups every partnership starts with; leads rename and reorder them."""

STANDARD_GROUPS = [
    (
        "Group 1: occasional contact with children",
        "Staff and volunteers who rarely work with children.",
    ),
    ("Group 2: regular contact", "Staff and volunteers who work with children regularly."),
    (
        "Group 3: designated safeguarding leads and managers",
        "Those who lead safeguarding or manage staff who work with children.",
    ),
]
# New members join the first group unless another is chosen.
DEFAULT_POSITION = 0
