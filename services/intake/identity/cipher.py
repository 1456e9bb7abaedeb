"""Sealing petitioners' identities 举报人身份 (Art. 22; issue #17 item 7, review L2).

One master key (`LIANFANG_INTAKE_IDENTITY_KEY`, a Fernet-format key: 32 random bytes, base64url)
is split by HKDF-SHA256 into two keys that never meet: one seals identities, the other keys the
fingerprints of requests (filing/handlers.py), so a fingerprint tells nothing about the sealing
key. An identity is sealed with AES-256-GCM, its case id as associated data: a ciphertext copied
onto another case does not open there. Each ciphertext names the key that sealed it
(`lf1:<key id>:<nonce and ciphertext>`), so keys can be rotated: the current key seals, the
previous ones (`LIANFANG_INTAKE_IDENTITY_PREVIOUS_KEYS`) still open what they sealed, and a
Fernet ciphertext from before this scheme (`gAAAA…`) still opens with the key that made it.

The fixed development default lets a laptop work out of the box; production refuses it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import asdict
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from services.intake.identity.model import PetitionerIdentity

if TYPE_CHECKING:
    from collections.abc import Sequence
    from uuid import UUID

DEV_IDENTITY_KEY_NOT_FOR_PRODUCTION = "4Tt9_fFDgG8xwY3s2A6vLOnuAhTNsSlPBswtK1Ryiio="
SCHEME = "lf1"
_NONCE = 12


def _derive(master: bytes, purpose: str) -> bytes:
    """A 32-byte key for one purpose, from the master key (HKDF-SHA256, RFC 5869)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(master)


class _Key:
    """One master key: its sealing key, its fingerprint key, its id and its legacy Fernet."""

    def __init__(self, encoded: str) -> None:
        master = base64.urlsafe_b64decode(encoded.encode("ascii"))
        if len(master) != 32:
            raise ValueError("an identity key is 32 bytes, base64url-encoded (a Fernet key)")
        self.seal = AESGCM(_derive(master, "lianfang/intake/identity-seal/v1"))
        self.fingerprint = _derive(master, "lianfang/intake/request-fingerprint/v1")
        self.id = _derive(master, "lianfang/intake/identity-key-id/v1")[:4].hex()
        self.receipt = _derive(master, "lianfang/intake/receipt-code/v1")
        self.legacy = Fernet(encoded.encode("ascii"))


def _bound_to(case_id: UUID) -> bytes:
    return f"lianfang/intake/identity/{case_id}".encode()


class IdentityCipher:
    """Seals identities under the current key, bound to their case; opens under any configured
    key (Art. 22)."""

    def __init__(self, key: str, previous: Sequence[str] = ()) -> None:
        self._current = _Key(key)
        self._keys = {k.id: k for k in (_Key(p) for p in previous)}
        self._keys[self._current.id] = self._current

    @property
    def key_id(self) -> str:
        """The id of the key that seals now (named in every new ciphertext)."""
        return self._current.id

    def fingerprint(self, text: str) -> str:
        """A keyed hash (HMAC-SHA256) under the fingerprint key, never the sealing key."""
        return hmac.new(self._current.fingerprint, text.encode("utf-8"), hashlib.sha256).hexdigest()

    def receipt_hashes(self, code: str) -> list[str]:
        """The keyed hashes (HMAC-SHA256) of a public report's receipt code under each configured
        key, the current key's first: only these are stored, and a code hashed before a key
        rotation is still found (docs/public-pages.md)."""
        keys = [self._current, *(k for k in self._keys.values() if k is not self._current)]
        return [hmac.new(k.receipt, code.encode("ascii"), hashlib.sha256).hexdigest() for k in keys]

    def seal(self, identity: PetitionerIdentity, case_id: UUID) -> str:
        """The ciphertext of a case's identity, the only form in which it is stored."""
        plaintext = json.dumps(asdict(identity), ensure_ascii=False).encode("utf-8")
        nonce = os.urandom(_NONCE)
        sealed = self._current.seal.encrypt(nonce, plaintext, _bound_to(case_id))
        body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
        return f"{SCHEME}:{self._current.id}:{body}"

    def sealed_with(self, ciphertext: str) -> str:
        """The id of the key a ciphertext names ("fernet" for one from before key ids)."""
        return ciphertext.split(":")[1] if ciphertext.startswith(f"{SCHEME}:") else "fernet"

    def open(self, ciphertext: str, case_id: UUID) -> PetitionerIdentity:
        """The identity a case's ciphertext holds (for the custodian's reveal only)."""
        refused = RuntimeError("no configured identity key opens this record for this case")
        if not ciphertext.startswith(f"{SCHEME}:"):
            return self._open_fernet(ciphertext)
        _, key_id, body = ciphertext.split(":", 2)
        key = self._keys.get(key_id)
        if key is None:
            raise refused
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        try:
            plaintext = key.seal.decrypt(raw[:_NONCE], raw[_NONCE:], _bound_to(case_id))
        except InvalidTag:
            raise refused from None
        return PetitionerIdentity(**json.loads(plaintext))

    def _open_fernet(self, ciphertext: str) -> PetitionerIdentity:
        """A ciphertext sealed before key ids and case binding (Fernet under a master key)."""
        for key in self._keys.values():
            try:
                return PetitionerIdentity(**json.loads(key.legacy.decrypt(ciphertext.encode())))
            except InvalidToken:
                continue
        raise RuntimeError("the identity key does not open this record")
