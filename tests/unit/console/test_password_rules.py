"""The password rules of GB/T 22239-2019 8.1.4.1 a), as the district chose them."""

from __future__ import annotations

import pytest

from services.console.signin.model import SignInRules, check_password
from shared.errors import Invalid


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Short-1", "至少 12 个字符"),
        ("alllowercaseletters", "至少 3 类"),
        ("lowercase-and-dashes", "至少 3 类"),
        ("Xu-th-officer-2026", "用户名"),
        (" Leading-blank-2026", "空白"),
        ("A" * 100 + "b1" * 20, "至多"),
    ],
)
def test_a_weak_password_is_refused_naming_the_rule(password: str, reason: str) -> None:
    with pytest.raises(Invalid) as weak:
        check_password(password, "u-th-officer", SignInRules())
    assert weak.value.field == "password"
    assert reason in weak.value.reason


@pytest.mark.parametrize(
    "password", ["Taihe-2026-spring", "taihe2026spring!", "太和镇廉政风险防控Ab1"]
)
def test_a_long_password_of_three_classes_is_accepted(password: str) -> None:
    check_password(password, "u-th-officer", SignInRules())
