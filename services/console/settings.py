"""Settings of the console service (`LIANFANG_CONSOLE_*`, on top of the shared `LIANFANG_*`)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from services.console.bff.settings import ProxySettings
from services.console.oidc.settings import OidcSettings
from services.console.public.settings import PublicSettings
from services.console.signin.settings import SignInSettings
from shared.settings import ServiceSettings


class ConsoleSettings(ServiceSettings):
    """Where the console service listens: port 8100 on the district node, ten up on a town's."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_CONSOLE_", extra="ignore")

    port: int = 8100
    signin: SignInSettings = Field(default_factory=SignInSettings)
    proxy: ProxySettings = Field(default_factory=ProxySettings)
    oidc: OidcSettings = Field(default_factory=OidcSettings)
    public: PublicSettings = Field(default_factory=PublicSettings)
