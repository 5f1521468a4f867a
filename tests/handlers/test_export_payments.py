"""The data export holds each family's Pro and its payments, and no other family's."""

from tests.handlers.test_my_data import PARENT, ask_export, exported_text, shared_family
from tests.support.pro import grant_pro


async def paid(bot, child_id, user_id, payment_id, amount_paise, *, refunded_paise=0):
    await bot.db.execute(
        "INSERT INTO tt.payments (payment_id, child_id, user_id, plan_code, amount_paise, "
        "currency, state, days_granted, granted_at, refunded_paise) "
        "VALUES ($1, $2, $3, 'pro_plus_499', $4, 'INR', 'granted', 30, now(), $5)",
        payment_id,
        child_id,
        user_id,
        amount_paise,
        refunded_paise,
    )


async def test_the_export_lists_the_familys_pro_and_payments(bot):
    owner, _, child = await shared_family(bot)
    ravi = await bot.db.fetchval("SELECT id FROM tt.children WHERE name = 'Ravi'")
    await grant_pro(bot.db, child, "pro_plus_499", days=30000)
    await paid(bot, child, owner, "pay_ExportOne", 49900, refunded_paise=10000)
    await paid(bot, ravi, None, "pay_OtherFamily", 19900)
    await ask_export(bot, PARENT)  # a parent who did not pay sees the family's payments too
    text = exported_text(bot)
    assert "Pro: Pro Plus until " in text
    assert "₹499, Pro added (Razorpay pay_ExportOne) – refunded ₹100" in text
    assert "pay_OtherFamily" not in text
    await ask_export(bot, "919000000003")  # Ravi's family: never bought Pro
    other = exported_text(bot)
    assert "Pro: never bought" in other and "pay_OtherFamily" in other
    assert "pay_ExportOne" not in other
