from wagtail import hooks

from accounts.choosers import user_chooser_viewset


@hooks.register("register_admin_viewset")
def register_user_chooser():
    return user_chooser_viewset
