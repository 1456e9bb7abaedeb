"""Fernet encryption of petitioners' identities 举报人身份 (Art. 22); the key is a setting.

Deployments set `LIANFANG_INTAKE_IDENTITY_KEY`; the fixed default lets a laptop work out of the box.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from cryptography.fernet import Fernet, InvalidToken

from services.intake.identity.model import PetitionerIdentity

DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION = "4Tt9_fFDgG8xwY3s2A6vLOnuAhTNsSlPBswtK1Ryiio="


class IdentityCipher:
    """Seals and opens petitioners' identities with one Fernet key (Art. 22)."""

    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode("ascii"))

    def seal(self, identity: PetitionerIdentity) -> str:
        """The ciphertext of an identity, the only form in which it is stored."""
        plaintext = json.dumps(asdict(identity), ensure_ascii=False).encode("utf-8")
        return self._fernet.encrypt(plaintext).decode("ascii")

    def open(self, ciphertext: str) -> PetitionerIdentity:
        """The identity a ciphertext holds (for the custodian's reveal only)."""
        try:
            raw = json.loads(self._fernet.decrypt(ciphertext.encode("ascii")))
        except InvalidToken as exc:
            raise RuntimeError("the identity key does not open this record") from exc
        return PetitionerIdentity(**raw)
