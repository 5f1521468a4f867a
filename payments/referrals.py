"""Referrals between families: an unguessable code per family, redeemed once by a new family
(days at once), and the referrer's days after that family's first captured payment."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from payments.plans import PARENT_BASIC
from payments.pro import extend_pro
from sql.db import fetch_value

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 10  # 50 bits from `secrets`
REWARD_DAYS = 7
REWARD_PLAN = PARENT_BASIC
TYPED_CODE = re.compile(r"[A-Z2-9]{10,16}")


@dataclass(frozen=True, slots=True)
class ReferralReward:
    child_id: int
    days: int
    expires_at: datetime


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def clean_code(typed: str) -> str | None:
    code = "".join(ch for ch in typed.upper() if ch.isalnum())
    return code if TYPED_CODE.fullmatch(code) else None


async def family_code(conn: asyncpg.Connection, child_id: int) -> str:
    """As a member: the family's code, made on first ask."""
    return await fetch_value(
        conn, str, "SELECT tt.family_referral_code($1, $2)", child_id, new_code()
    )


async def redeem(conn: asyncpg.Connection, child_id: int, code: str) -> str:
    """As an owner or parent: redeemed, not_found, self, already, not_new, mutual or cap."""
    return await fetch_value(
        conn,
        str,
        "SELECT tt.redeem_referral($1, $2, $3, $4)",
        child_id,
        code,
        REWARD_PLAN.code,
        REWARD_DAYS,
    )


async def reward_referrer(
    conn: asyncpg.Connection, referee_child_id: int, now: datetime
) -> ReferralReward | None:
    """After the referred family's first captured payment, once (system work)."""
    referrer: int | None = await conn.fetchval(
        "UPDATE tt.referrals SET referrer_rewarded_at = $2 WHERE referee_child_id = $1 "
        "AND referrer_rewarded_at IS NULL AND referrer_child_id IS NOT NULL "
        "RETURNING referrer_child_id",
        referee_child_id,
        now,
    )
    if referrer is None:
        return None
    expires_at = await extend_pro(conn, referrer, REWARD_PLAN.code, REWARD_DAYS, now)
    return ReferralReward(referrer, REWARD_DAYS, expires_at)
