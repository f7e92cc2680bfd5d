"""Run a request again when the database chose it as a deadlock or serialization victim, instead of a 500.

The request's unit of work was rolled back, so running the handler again is safe. The body is replayed from
what the application read the first time (already bounded by the body-size limit, which sits outside).
"""

import asyncio
import random

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.db import is_retryable

ATTEMPTS = 4


class RetryOnConflict:
    def __init__(self, app: ASGIApp, attempts: int = ATTEMPTS) -> None:
        self.app = app
        self.attempts = attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seen: list[Message] = []
        started = False

        async def record(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        for attempt in range(self.attempts):
            try:
                await self.app(scope, _replaying(seen, receive), record)
                return
            except Exception as error:
                if started or not is_retryable(error):
                    raise
            # Spread the retries so that the two victims of a deadlock do not collide again.
            await asyncio.sleep(random.uniform(0.01, 0.05) * 2**attempt)
        busy = JSONResponse({"detail": "the database stayed busy with conflicting changes; try again"},
                            status_code=503, headers={"Retry-After": "1"})
        await busy(scope, receive, send)


def _replaying(seen: list[Message], receive: Receive) -> Receive:
    """A receive that first replays the body messages an earlier attempt read, then reads (and keeps) new ones."""
    position = 0

    async def replay() -> Message:
        nonlocal position
        if position < len(seen):
            position += 1
            return seen[position - 1]
        message = await receive()
        if message["type"] == "http.request":
            seen.append(message)
            position += 1
        return message

    return replay
