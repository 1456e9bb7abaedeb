"""`lianfang accounts`: the operator's way into the directory when nobody can sign in yet.

    lianfang accounts open-admin USER_ID --name NAME --unit QX --authority DOC
    lianfang accounts publish-grants --authority DOC

A new deployment has no admin to open the first accounts over the API. The operator, on a host
with the console's settings (the console's container: `kubectl exec deploy/console-api -- …`),
opens the first admin's account straight in the console's store, with the `admin` grant for
`--unit`, and sets its first password (asked twice, never echoed, never logged). Everything is
recorded as any admin's act would be, by `operator:<login>` on the given authority; after that,
admins manage accounts over the API (docs/accounts.md) and sign in (docs/sign-in.md).

`publish-grants` announces, once, the grants and revocations a store recorded before the public
RoleGranted / RoleRevoked existed (docs/runbook.md): each becomes a stored event of its account
(who announced it, when, on what authority) that the console's worker publishes.
"""

from __future__ import annotations

import getpass
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from services.console.app import ConsoleApplication

accounts_app = typer.Typer(no_args_is_help=True, help="The directory of accounts (console).")


@accounts_app.command("open-admin")
def open_admin(
    user_id: Annotated[str, typer.Argument(help="The admin's user id (用户名).")],
    name: Annotated[str, typer.Option(help="The admin's name (姓名).")],
    unit: Annotated[str, typer.Option(help="The unit they administer, e.g. QX.")],
    authority: Annotated[str, typer.Option(help="The decision appointing them (依据).")],
    post: Annotated[str, typer.Option(help="Their post (职务).")] = "系统管理员",
) -> None:
    """Open the first admin's account in the console's store and set its first password."""
    from services import registry
    from services.console.accounts.imports import AccountDraft
    from services.console.app import ConsoleApplication
    from services.console.signin.model import check_password
    from shared.application import actor_of
    from shared.auth import Principal, Role
    from shared.errors import DomainError
    from shared.runtime import Runtime

    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    try:
        app = runtime.app
        assert isinstance(app, ConsoleApplication)
        operator = Principal(f"operator:{getpass.getuser()}", frozenset({Role.ADMIN}), unit)
        password = typer.prompt("First password", hide_input=True, confirmation_prompt=True)
        draft = AccountDraft(user_id, name, unit, (post,), ((Role.ADMIN, unit),))
        try:
            check_password(password, user_id, app.signin.rules)  # before anything is recorded
            app.open_account(draft, authority, operator)
            app.set_password(user_id, password, actor_of(operator, "admin"))
        except DomainError as refused:
            typer.echo(f"Refused: {refused}", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"{user_id} administers {unit}; they enrol a second factor at first sign-in.")
    finally:
        runtime.close()


@accounts_app.command("publish-grants")
def publish_grants(
    authority: Annotated[str, typer.Option(help="The decision to announce them on (依据).")],
) -> None:
    """Announce once the grants recorded before RoleGranted was published (idempotent)."""
    from shared.auth import Principal, Role
    from shared.errors import DomainError

    with _console() as (app, root):
        operator = Principal(f"operator:{getpass.getuser()}", frozenset({Role.ADMIN}), root)
        try:
            count = app.announce_earlier_grants(authority, operator)
        except DomainError as refused:
            typer.echo(f"Refused: {refused}", err=True)
            raise typer.Exit(1) from None
    typer.echo(
        f"{count} earlier grants and revocations announced; the console's worker publishes them."
        if count
        else "Nothing to announce: every grant on record names its account or was announced."
    )


@contextmanager
def _console() -> Iterator[tuple[ConsoleApplication, str]]:
    """The console's application on its store, with the process's settings, and its node's
    root unit (what the operator acts for)."""
    from services import registry
    from services.console.app import ConsoleApplication
    from shared.runtime import Runtime

    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    try:
        assert isinstance(runtime.app, ConsoleApplication)
        yield runtime.app, runtime.settings.common.node_root_unit
    finally:
        runtime.close()
