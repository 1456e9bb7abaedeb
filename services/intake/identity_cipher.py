"""Fernet encryption of petitioners' identities 举报人身份 (Art. 22); the key is a setting."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from cryptography.fernet import Fernet, InvalidToken


@dataclass(frozen=True)
class PetitionerIdentity:
    """Who petitioned: optional name, contact and id number (信访举报人)."""

    name: str | None = None
    contact: str | None = None
    id_number: str | None = None

    def __bool__(self) -> bool:
        return any((self.name, self.contact, self.id_number))

    def __repr__(self) -> str:  # never let a plaintext identity reach a log line
        return "PetitionerIdentity(<protected>)"

    __str__ = __repr__


class IdentityCipher:
    """Seals and opens identities with one Fernet key."""

    def __init__(self, key: str) -> None:
        self._fernet = Fernet(key.encode("ascii"))

    def seal(self, identity: PetitionerIdentity) -> str:
        plaintext = json.dumps(asdict(identity), ensure_ascii=False).encode("utf-8")
        return self._fernet.encrypt(plaintext).decode("ascii")

    def open(self, ciphertext: str) -> PetitionerIdentity:
        try:
            raw = json.loads(self._fernet.decrypt(ciphertext.encode("ascii")))
        except InvalidToken as exc:
            raise RuntimeError("the identity key does not open this record") from exc
        return PetitionerIdentity(**raw)
