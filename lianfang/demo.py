"""The demo district: risk information on several channels of 清新区, filed over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from shared.auth import Minter, Role

# (channel, source reference, unit, post, summary, days ago learned)
DEMO_INFORMATION = [
    (
        "officer_report",
        "XXY-2026-0001",
        "QX-TH-CZS",
        "出纳",
        "报销单据由同一人审核并支付，缺少复核",
        3,
    ),
    ("petition", "XF-2026-0107", "QX-ZJ", "质量安全股股长", "群众反映工程验收环节存在吃拿卡要", 5),
    ("online_media", "WM-2026-0033", "QX-SJ", "执法人员", "网络媒体报道市场检查中选择性执法", 2),
    (
        "inspection",
        "JD-2026-0012",
        "QX-TP-GHB",
        "办公室主任",
        "监督检查发现规划审批资料不全即办结",
        7,
    ),
    (
        "data_sharing",
        "SJ-2026-0450",
        "QX-JT-V1",
        "村委会主任",
        "财政数据比对发现村集体资金大额现金支付",
        1,
    ),
]


CHAIN_CASE = "WM-2026-0033"
"""The case the demo carries through judgement to a warning and an overdue (lianfang.demo_chain)."""


def load_demo(intake_url: str, tokens: Minter) -> dict[str, str]:
    """File the demo information; return case ids by source reference (a re-run finds the same
    cases)."""
    now = datetime.now(UTC)
    ids: dict[str, str] = {}
    with httpx.Client(base_url=intake_url, timeout=10) as http:
        for channel, ref, unit, post, summary, days in DEMO_INFORMATION:
            token = tokens.mint(f"demo-{channel}", [Role.OFFICE], "QX", name="区预防腐败室")
            learned = now - timedelta(days=days)
            response = http.post(
                "/information",
                headers={"Authorization": f"Bearer {token}"},
                json={
                    "channel": channel,
                    "source_reference": ref,
                    "unit_code": unit,
                    "subject_post": post,
                    "summary": summary,
                    "learned_at": learned.isoformat(),
                    "happened_at": (learned - timedelta(days=10)).isoformat(),
                },
            )
            response.raise_for_status()
            ids[ref] = response.json()["information_id"]
    return ids
