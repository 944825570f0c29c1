"""The blocks printable tools are written in (``PrintablePage.body``).

A printable (a warning-signs checklist, a "what to do" flowchart) is CMS
content rendered as a page and as a one-page PDF with the reader's own local
contacts. Each block has a page template (``template``) and a PDF rendering in
``courses/printable_pdf.html``.
"""

from wagtail import blocks

from courses.blocks import ChecklistBlock, SignpostingBlock, text_block

STEP_KINDS = [
    ("decision", "A question (yes or no)"),
    ("action", "Something to do"),
    ("emergency", "The emergency action"),
]


class FlowchartStepBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=STEP_KINDS, default="action")
    text = blocks.CharBlock(max_length=300)
    if_yes = blocks.CharBlock(
        max_length=300, required=False, help_text="For a question: what to do if the answer is yes."
    )
    detail = blocks.TextBlock(required=False)

    class Meta:
        icon = "arrow-down"
        label = "Step"


class FlowchartBlock(blocks.StructBlock):
    """A "what to do" chart, written as ordered steps so that it reads the same
    with or without the drawing: a question's "yes" branch is said in words."""

    heading = blocks.CharBlock(max_length=120)
    steps = blocks.ListBlock(FlowchartStepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "courses/blocks/flowchart.html"
        description = "Steps to follow, with a yes-or-no question where the path splits."
        preview_value = {
            "heading": "What to do if you are worried about a child",
            "steps": [
                {
                    "kind": "decision",
                    "text": "Is a child in immediate danger?",
                    "if_yes": "Call the police on 999.",
                    "detail": "",
                },
                {
                    "kind": "action",
                    "text": "Record what you saw and heard.",
                    "if_yes": "",
                    "detail": "",
                },
            ],
        }


class EmergencyInstructionBlock(blocks.StaticBlock):
    class Meta:
        icon = "warning"
        template = "courses/blocks/emergency_instruction.html"
        admin_text = "The emergency instruction, in the words used everywhere."
        description = "The one emergency instruction (it cannot be reworded here)."


class PrintableBodyBlock(blocks.StreamBlock):
    text = text_block()
    checklist = ChecklistBlock()
    flowchart = FlowchartBlock()
    emergency = EmergencyInstructionBlock()
    signposting = SignpostingBlock()
