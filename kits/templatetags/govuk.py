"""Template helpers that render Django form widgets with GOV.UK Frontend classes."""

from django import forms, template

register = template.Library()

CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.FileInput: "govuk-file-upload",
}


@register.filter
def govuk_control(field):
    """Render ``field``'s widget with the right class and aria-describedby."""
    widget = field.field.widget
    css = next((css for kind, css in CLASSES.items() if isinstance(widget, kind)), "govuk-input")
    if field.errors:
        css += f" {css}--error"
    described = [f"{field.auto_id}-hint"] if field.help_text else []
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {"class": f"{css} {widget.attrs.get('class', '')}".strip()}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
