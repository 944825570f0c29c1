"""Role changes go into the audit trail (kits/audit.py), however they are made:
the superuser flag and group membership, from either side (a user's groups, or
a group's members). The acting user comes from Wagtail's log context, which
every admin view sets. Connected in ``AccountsConfig.ready``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_save

from kits.audit import audit_log


def _remember_superuser_flag(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "is_superuser" not in update_fields:
        instance._was_superuser = instance.is_superuser  # e.g. last_login at sign-in
        return
    if instance.pk is None:
        instance._was_superuser = False
        return
    before = sender.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
    instance._was_superuser = bool(before)


def _log_superuser_change(sender, instance, created, **kwargs):
    was = getattr(instance, "_was_superuser", instance.is_superuser)
    if instance.is_superuser != was:
        action = (
            "accounts.superuser_granted" if instance.is_superuser else "accounts.superuser_removed"
        )
        audit_log(instance=instance, action=action, data={"email": instance.email})
    instance._was_superuser = instance.is_superuser


def _log_group_change(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    verb = "accounts.groups_added" if action == "post_add" else "accounts.groups_removed"
    if reverse:  # a group's members changed: one entry per user
        users = get_user_model().objects.filter(pk__in=pk_set)
        for user in users:
            audit_log(instance=user, action=verb, data={"groups": instance.name})
        return
    names = ", ".join(sorted(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)))
    audit_log(instance=instance, action=verb, data={"groups": names})


def connect() -> None:
    User = get_user_model()
    pre_save.connect(_remember_superuser_flag, sender=User, dispatch_uid="audit-superuser-pre")
    post_save.connect(_log_superuser_change, sender=User, dispatch_uid="audit-superuser-post")
    m2m_changed.connect(_log_group_change, sender=User.groups.through, dispatch_uid="audit-groups")
