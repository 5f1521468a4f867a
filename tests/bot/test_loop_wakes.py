"""How a wake reaches a loop's tasks: one row is claimed once, a burst spreads over every task,
and a wake while every task is busy is not lost. The sweep is set far beyond each test, so
only wakes start the tasks."""

import asyncio

from bot.background import QueueDrainer

NO_SWEEP_SECONDS = 3600.0


class ItemDrainer(QueueDrainer):
    """Takes items from a list as rows from a queue, yielding to the other tasks while it works
    on one as a real step awaits the database; `empty_gate` holds a task that found none (as
    the answer of an empty claim is awaited)."""

    concurrency = 4

    def __init__(self) -> None:
        super().__init__(db=None, sweep_seconds=NO_SWEEP_SECONDS)  # type: ignore[arg-type]
        self.items: list[int] = []
        self.done: list[int] = []
        self.claims = 0
        self.tasks_working: set[asyncio.Task[object] | None] = set()
        self.empty_gate = asyncio.Event()
        self.empty_gate.set()

    async def step(self) -> bool:
        self.claims += 1
        if not self.items:
            await self.empty_gate.wait()
            return False
        item = self.items.pop(0)
        self.tasks_working.add(asyncio.current_task())
        await asyncio.sleep(0)
        self.done.append(item)
        return True


async def settled(drainer: ItemDrainer) -> None:
    for _ in range(50):
        await asyncio.sleep(0)
    assert not drainer.items


async def test_one_row_is_claimed_once_and_then_found_gone():
    drainer = ItemDrainer()
    drainer.start()
    await asyncio.sleep(0)
    drainer.claims = 0  # each task's first look at startup
    drainer.items.append(1)
    drainer.wake()
    await settled(drainer)
    assert drainer.done == [1]
    # the claim that took it, the next that found none, and the task it woke finding none
    assert drainer.claims == 3
    await drainer.stop()


async def test_a_burst_spreads_over_every_task():
    drainer = ItemDrainer()
    drainer.start()
    await asyncio.sleep(0)
    drainer.items.extend(range(40))
    drainer.wake()
    await settled(drainer)
    assert sorted(drainer.done) == list(range(40))
    assert len(drainer.tasks_working) == ItemDrainer.concurrency
    await drainer.stop()


async def test_a_wake_while_every_task_is_busy_is_kept():
    drainer = ItemDrainer()
    drainer.empty_gate.clear()
    drainer.start()  # every task is now waiting for the answer of an empty claim
    await asyncio.sleep(0)
    drainer.items.append(1)  # committed by another process meanwhile
    drainer.wake()
    drainer.empty_gate.set()
    await settled(drainer)
    assert drainer.done == [1]
    await drainer.stop()
