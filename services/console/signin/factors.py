"""The sign-in factors' cryptography: argon2id password hashes, TOTP codes, sealed TOTP secrets.

等保 2.0 (GB/T 22239-2019, level 3) 8.1.4.1 a) asks that users be identified and authenticated
with a secret that is hard to guess, d) that privileged users use two or more techniques, one of
them cryptographic. Passwords are kept as argon2id hashes (argon2-cffi) with OWASP's minimum
parameters (m = 19 MiB, t = 2, p = 1); the second factor is a TOTP code (RFC 6238, pyotp), whose
shared secret is stored only sealed with a Fernet key the console alone holds (settings).
Pure computation: no I/O, no clock of its own (callers pass the time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken

OWASP_TIME_COST = 2
OWASP_MEMORY_KIB = 19 * 1024
OWASP_PARALLELISM = 1

TOTP_ISSUER = "廉防 Lianfang"
TOTP_STEP = timedelta(seconds=30)


class PasswordHashing:
    """argon2id hashing and verification of passwords (GB/T 22239-2019 8.1.4.1 a)."""

    def __init__(
        self,
        *,
        time_cost: int = OWASP_TIME_COST,
        memory_kib: int = OWASP_MEMORY_KIB,
        parallelism: int = OWASP_PARALLELISM,
    ) -> None:
        self._hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        # Checked against when there is no account, so that an unknown user id costs the same
        # time as a wrong password and the answer's timing does not tell which it was.
        self._dummy = self._hasher.hash("no account has this password: lianfang-dummy")

    def hash(self, password: str) -> str:
        """The argon2id hash (PHC string, its own salt and parameters) of a password."""
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """Whether `password` is the one hashed (constant-time within argon2)."""
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def verify_nobody(self, password: str) -> bool:
        """Spend a verification's time for an unknown user; always False."""
        self.verify(self._dummy, password)
        return False

    def needs_rehash(self, password_hash: str) -> bool:
        """Whether the hash was made with other parameters than today's."""
        return self._hasher.check_needs_rehash(password_hash)


class NoSealingKey(RuntimeError):
    """No key to seal TOTP secrets with was configured (a deployment error)."""


class SecretSealer:
    """Seals TOTP secrets for the stored events, and opens them to check a code (Fernet).

    Without a key (None) it refuses to seal or open anything: a console so configured does not
    serve (services/console/bff/gateway.py), and tools that only read accounts still work.
    """

    def __init__(self, key: str | None) -> None:
        self._fernet = Fernet(key.encode("ascii")) if key else None

    @property
    def fernet(self) -> Fernet:
        if self._fernet is None:
            raise NoSealingKey("no key to seal TOTP secrets with: set LIANFANG_CONSOLE_TOTP_KEY")
        return self._fernet

    @staticmethod
    def generate_key() -> str:
        """A fresh Fernet key (urlsafe base64 of 32 random bytes)."""
        return Fernet.generate_key().decode("ascii")

    def seal(self, secret: str) -> str:
        return self.fernet.encrypt(secret.encode("ascii")).decode("ascii")

    def open(self, sealed: str) -> str:
        """The secret; ValueError when sealed under another key or altered."""
        try:
            return self.fernet.decrypt(sealed.encode("ascii")).decode("ascii")
        except InvalidToken as exc:
            raise ValueError("the TOTP secret was sealed under another key") from exc


@dataclass(frozen=True)
class Enrolment:
    """A new TOTP secret offered to a user, and the otpauth:// URI their authenticator scans."""

    secret: str
    uri: str


def new_enrolment(user_id: str, name: str = "") -> Enrolment:
    """A fresh RFC 6238 secret (160 bits, base32) and its provisioning URI."""
    secret = pyotp.random_base32(32)
    label = f"{user_id} {name}".strip()
    uri = pyotp.TOTP(secret).provisioning_uri(name=label, issuer_name=TOTP_ISSUER)
    return Enrolment(secret, uri)


def totp_step(secret: str, code: str, at: datetime, window: int) -> int | None:
    """The time step (RFC 6238 T) whose code `code` is, within `window` steps of `at`; None if
    it matches none. The caller refuses a step already used (RFC 6238 section 5.2)."""
    code = code.strip()
    if not (code.isascii() and code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(at)
    found: int | None = None
    for offset in range(-window, window + 1):
        # Compare every candidate (no early exit), so timing says nothing about which matched.
        if pyotp.utils.strings_equal(totp.at(at + offset * TOTP_STEP), code):
            found = now_step + offset
    return found


def totp_code(secret: str, at: datetime) -> str:
    """The code of `secret` at `at` (for the demo's printout and for tests)."""
    return pyotp.TOTP(secret).at(at)
