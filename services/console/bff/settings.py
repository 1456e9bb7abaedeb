"""Settings of the console's backend-for-frontend (`LIANFANG_CONSOLE_*`): where the node's four
services answer, how long the console waits for them, how large a body it takes, where the
built console lies."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

LOCAL_PORTS = {"intake": 8101, "register": 8102, "warning": 8103, "assessment": 8104}
"""The four services' ports on a laptop's district node (lianfang/run_local.py)."""

REPO_ROOT = Path(__file__).resolve().parents[3]


class ProxySettings(BaseSettings):
    """Where the console's `/api/<service>/...` calls go, and their bounds (security review H4)."""

    model_config = SettingsConfigDict(env_prefix="LIANFANG_CONSOLE_", extra="ignore")

    intake_url: str = Field(f"http://127.0.0.1:{LOCAL_PORTS['intake']}", description="信息收集")
    register_url: str = Field(f"http://127.0.0.1:{LOCAL_PORTS['register']}", description="风险登记")
    warning_url: str = Field(f"http://127.0.0.1:{LOCAL_PORTS['warning']}", description="预警处置")
    assessment_url: str = Field(
        f"http://127.0.0.1:{LOCAL_PORTS['assessment']}", description="考核评价"
    )
    connect_timeout_seconds: float = Field(3.0, gt=0, description="To reach a service.")
    read_timeout_seconds: float = Field(
        60.0, gt=0, description="Between two chunks of a service's answer (exports may be slow)."
    )
    max_body_bytes: int = Field(
        64 * 1024, gt=0, description="Largest request body taken in (413 beyond), read before "
        "any parsing.",
    )  # fmt: skip
    max_import_body_bytes: int = Field(
        2 * 1024 * 1024, gt=0, description="Largest body of a bulk import (paths ending /import)."
    )
    dist_dir: Path = Field(
        REPO_ROOT / "console" / "dist", description="The built web console (vite build)."
    )

    district_url: str | None = Field(
        None,
        description="On a town's node: the district console, the one issuer and front door of "
        "the district. Set, this console holds no signing key and redirects every call there "
        "(docs/sign-in.md, one issuer).",
    )
    node_urls: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="On the district's console: the services of the other nodes by the node's "
        'root unit, e.g. {"QX-TH": {"intake": "https://…", …}}; a person whose unit lies in '
        "that subtree is passed on to that node's services (the deepest root wins).",
    )

    def service_urls(self, root_unit: str | None = None) -> dict[str, str]:
        """Service name -> its base URL: of the node whose root is `root_unit` when configured
        (`node_urls`), else of this node."""
        own = {
            "intake": self.intake_url,
            "register": self.register_url,
            "warning": self.warning_url,
            "assessment": self.assessment_url,
        }
        return own | self.node_urls.get(root_unit or "", {})
