"""`lianfang signin`: an operator's way back in when no admin can sign in (GB/T 22239-2019 8.1.4.1).

    lianfang signin status USER
    lianfang signin unlock USER --reason WHY --operator NAME
    lianfang signin remove-factor USER --reason WHY --operator NAME
    lianfang signin set-password USER --operator NAME       # asks for the password twice

Run where the console's store is reachable, with the console's settings (`LIANFANG_*`). Each
change is recorded as the console's admin routes record it, by `operator:NAME` acting as an admin
of the node's root unit, with the reason: the break-glass use is on the record like any other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from services.console.app import ConsoleApplication
    from shared.auth import Principal

signin_app = typer.Typer(no_args_is_help=True, help="Sign-in: unlock, reset, remove a factor.")

User = Annotated[str, typer.Argument(help="The account's user id.")]
Reason = Annotated[str, typer.Option(help="Why (recorded), e.g. '电话核实本人'.")]
Operator = Annotated[str, typer.Option(help="Who runs this (recorded as operator:NAME).")]


def _console() -> Iterator[ConsoleApplication]:
    from services import registry
    from services.console.app import ConsoleApplication
    from shared.runtime import Runtime

    spec, settings = registry.load("console")
    runtime = Runtime(spec, settings())
    try:
        assert isinstance(runtime.app, ConsoleApplication)
        yield runtime.app
    finally:
        runtime.close()


def _operator(app: ConsoleApplication, name: str) -> Principal:
    from shared.auth import Principal, Role

    if not name.strip():
        raise typer.BadParameter("name who runs this", param_hint="--operator")
    root = app.node.root_unit if app.node else "QX"
    return Principal(f"operator:{name.strip()}", frozenset({Role.ADMIN}), root, name.strip())


def _run(action: str, user_id: str, operator: str, reason: str = "") -> None:
    from shared.errors import DomainError

    for app in _console():
        try:
            by = _operator(app, operator)
            if action == "unlock":
                app.unlock_credential(user_id, reason, by)
            elif action == "remove-factor":
                app.remove_second_factor(user_id, reason, by)
            else:
                password = typer.prompt("New password", hide_input=True, confirmation_prompt=True)
                app.reset_password(user_id, password, by)
        except DomainError as exc:
            typer.echo(f"refused: {exc}", err=True)
            raise typer.Exit(1) from exc
    typer.echo(f"{action}: done for {user_id}; it is recorded as by operator:{operator}.")


@signin_app.command()
def status(user_id: User) -> None:
    """Whether the account is locked out, has a second factor, when it last signed in."""
    from shared.errors import DomainError

    for app in _console():
        try:
            for key, value in app.credential_status(user_id, _operator(app, "status")).items():
                typer.echo(f"{key}: {value}")
        except DomainError as exc:
            typer.echo(f"refused: {exc}", err=True)
            raise typer.Exit(1) from exc


@signin_app.command()
def unlock(user_id: User, reason: Reason, operator: Operator) -> None:
    """End a lock-out before its time."""
    _run("unlock", user_id, operator, reason)


@signin_app.command("remove-factor")
def remove_factor(user_id: User, reason: Reason, operator: Operator) -> None:
    """Remove a lost authenticator; the person enrols a new one at the next sign-in."""
    _run("remove-factor", user_id, operator, reason)


@signin_app.command("set-password")
def set_password(user_id: User, operator: Operator) -> None:
    """Set a new password (the complexity rules apply). Sessions opened with the old one live
    on until they idle out or the console restarts."""
    _run("set-password", user_id, operator)
