"""Fewer, better messages: what one action says goes out as one message where Meta's limits
allow, so a conversation stays inside the per-person pacing (about one message per 6 s after
a burst of 10). Counted per action: the replies handlers queue (what used to be sent, one
message each) against the messages that leave."""

from bot.graph_messages import MAX_INTERACTIVE_BODY
from bot.outbox import merge_replies
from bot.sender import USER_BURST
from dialog.replies import Button, Document, Outgoing, Reply, Row, Section, Template
from tests.support.families import make_family
from tests.support.logging_steps import FEB, NOON, PHONE, SINCE, family
from tests.support.pro import grant_pro

ME, OTHER = 1, 2
BUTTONS = (Button("cmd:status", "Status"),)
LIST = (Section("", (Row("cmd:status", "Status"),)),)


def texts(items):
    return [(i.user_id, i.reply.text) for i in items]


def test_a_text_and_the_question_after_it_become_one_message():
    merged = merge_replies(
        [
            Outgoing(user_id=ME, reply=Reply(text="Saved.")),
            Outgoing(user_id=ME, reply=Reply(text="How did it go?", sections=LIST)),
        ]
    )
    assert merged == [
        Outgoing(user_id=ME, reply=Reply(text="Saved.\n\nHow did it go?", sections=LIST))
    ]


def test_texts_join_and_other_peoples_messages_keep_their_own():
    merged = merge_replies(
        [
            Outgoing(user_id=ME, reply=Reply(text="a")),
            Outgoing(user_id=OTHER, reply=Reply(text="x")),
            Outgoing(user_id=ME, reply=Reply(text="b")),
            Outgoing(user_id=ME, reply=Reply(text="c", buttons=BUTTONS)),
        ]
    )
    assert texts(merged) == [(ME, "a\n\nb\n\nc"), (OTHER, "x")]
    assert merged[0].reply.buttons == BUTTONS


def test_what_cannot_be_one_message_stays_apart():
    question = Outgoing(user_id=ME, reply=Reply(text="Pick", buttons=BUTTONS))
    long_text = Outgoing(user_id=ME, reply=Reply(text="r" * MAX_INTERACTIVE_BODY))
    document = Outgoing(
        user_id=ME, reply=Document(filename="a.txt", mime_type="text/plain", content=b"a")
    )
    template = Template(name="family_invite", language="en")
    named = Outgoing(user_id=ME, reply=Reply(text="Asha invited you"), about=(OTHER,))
    for pair in (
        [question, Outgoing(user_id=ME, reply=Reply(text="after buttons"))],
        [long_text, question],  # the joined body would pass Meta's 1024 characters
        [Outgoing(user_id=ME, reply=Reply(text="Preparing")), document],
        [Outgoing(user_id=ME, reply=Reply(text="Hi")), Outgoing(user_id=ME, reply=template)],
        [Outgoing(user_id=ME, reply=Reply(text="Hi"), fallback=template), question],
        [named, question],  # erasing OTHER rewrites or drops it: keep it whole
    ):
        assert merge_replies(pair) == pair


# (what the user does, replies the handlers queue, messages sent)
ACTIONS = [
    ("attended today", 2, 1),  # the confirmation (with any milestone) and the mood question
    ("missed yesterday", 1, 1),
    ("Fever", 1, 1),
    ("status", 1, 1),
    ("note", 1, 1),
    ("notes", 1, 1),  # a command word in a free-text step is asked about, in one message
    ("Slept well", 1, 1),
    ("therapist note", 1, 1),
    ("banana and more banana", 1, 1),
    ("cancel", 1, 1),
    ("theme", 1, 1),
    ("reset month", 1, 1),  # how many entries, and the month's name to type
    ("February", 1, 1),
    ("undo", 1, 1),  # the reset comes back
    ("attended today", 1, 1),  # asks replace, add or keep
    ("maybe", 2, 1),  # "did not get that" and the question again
    ("add child", 1, 1),
    ("Meera", 2, 1),  # the child is added, and the plan question
]


async def test_each_everyday_action_is_one_message(direct, db):
    user_id, child_id = await make_family(db, PHONE, month=FEB, since=SINCE)
    await grant_pro(db, child_id)  # "add child" adds a second one
    direct.clock = lambda: NOON
    counted = []
    for typed, _, _ in ACTIONS:
        await direct.say(PHONE, typed)
        mine = [o for o in direct.last_outgoing if o.user_id == user_id]
        counted.append((typed, len(mine), len(merge_replies(mine))))
    assert counted == ACTIONS


async def test_a_conversation_goes_out_one_message_per_action_within_the_burst(tb):
    await family(tb)
    script = [typed for typed, _, _ in ACTIONS[:8]] + ["summary", "undo"]
    sent = [len(await tb.say(PHONE, typed)) for typed in script]
    assert sent == [1] * len(script)
    assert len(tb.graph.to(PHONE)) <= USER_BURST  # so none of them waited for a pacing token
