"""Petitioners' identities sealed with keys split apart, bound to their case, and rotatable
(Art. 22; issue #17 item 7; review L2)."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict
from uuid import uuid4

import pytest
from cryptography.fernet import Fernet

from services.intake.identity.cipher import IdentityCipher
from services.intake.identity.model import PetitionerIdentity

WHO = PetitionerIdentity(name="张某", contact="13800138000", id_number="110101199003071234")


def test_an_identity_opens_only_for_its_own_case() -> None:
    cipher = IdentityCipher(Fernet.generate_key().decode())
    case, other = uuid4(), uuid4()
    sealed = cipher.seal(WHO, case)
    assert sealed.startswith(f"lf1:{cipher.key_id}:")
    assert "张某" not in sealed
    assert "110101199003071234" not in sealed
    assert cipher.open(sealed, case) == WHO
    # Copied onto another case (a swapped row), it does not open: the case is associated data.
    with pytest.raises(RuntimeError, match="no configured identity key opens"):
        cipher.open(sealed, other)
    assert cipher.seal(WHO, case) != sealed  # a fresh nonce every time


def test_a_rotated_key_still_opens_what_the_previous_one_sealed() -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    case = uuid4()
    sealed = IdentityCipher(old_key).seal(WHO, case)
    rotated = IdentityCipher(new_key, previous=[old_key])
    assert rotated.sealed_with(sealed) == IdentityCipher(old_key).key_id != rotated.key_id
    assert rotated.open(sealed, case) == WHO
    assert rotated.sealed_with(rotated.seal(WHO, case)) == rotated.key_id
    with pytest.raises(RuntimeError):
        IdentityCipher(new_key).open(sealed, case)  # the old key dropped: no longer opens


def test_a_fernet_ciphertext_from_before_still_opens() -> None:
    key = Fernet.generate_key().decode()
    legacy = Fernet(key.encode()).encrypt(json.dumps(asdict(WHO), ensure_ascii=False).encode())
    cipher = IdentityCipher(key)
    assert cipher.sealed_with(legacy.decode()) == "fernet"
    assert cipher.open(legacy.decode(), uuid4()) == WHO


def test_fingerprints_are_keyed_apart_from_the_sealing_key() -> None:
    key = Fernet.generate_key().decode()
    cipher = IdentityCipher(key)
    assert cipher.fingerprint("XF-1") == cipher.fingerprint("XF-1")
    assert cipher.fingerprint("XF-1") != IdentityCipher(Fernet.generate_key().decode()).fingerprint(
        "XF-1"
    )
    # Not the master key itself, as before the split.
    raw = hmac.new(key.encode(), b"XF-1", hashlib.sha256).hexdigest()
    assert cipher.fingerprint("XF-1") != raw


def test_a_receipt_code_is_hashed_under_its_own_key_and_found_after_a_rotation() -> None:
    """The public form's receipt code (docs/public-pages.md): a keyed hash apart from the
    fingerprint, and the previous key's hash still tried after the key rotates."""
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    before = IdentityCipher(old_key)
    code = "Q64K7DLJRY0T2GBKPK5VBBE7"
    [stored] = before.receipt_hashes(code)
    assert len(stored) == 64
    assert code not in stored
    assert stored != before.fingerprint(code)  # not the request-fingerprint key
    assert stored != hashlib.sha256(code.encode()).hexdigest()  # keyed, not a plain digest
    assert IdentityCipher(new_key).receipt_hashes(code) != [stored]
    after = IdentityCipher(new_key, previous=[old_key])
    assert after.receipt_hashes(code)[1] == stored  # the current key's first, then the old
    assert after.receipt_hashes(code)[0] != stored
