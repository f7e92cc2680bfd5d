"""Keyset pagination for list endpoints: `?limit=N` gives the first N items in id order, and the response names the
next page in a `Link: <...>; rel="next"` header and in `X-Next-Cursor`; `?cursor=` continues from there. Without
`limit` a list is whole, as before."""

from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query, Request, Response
from sqlalchemy import Select
from sqlalchemy.orm import InstrumentedAttribute

T = TypeVar("T")
MAX_LIMIT = 1000


@dataclass(frozen=True)
class PageParams:
    limit: int | None
    after: int


def page_params(
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description="Page size; omit for the whole list.")] = None,
    cursor: Annotated[str | None, Query(max_length=12, pattern=r"^\d+$",
                                        description="`X-Next-Cursor` of the previous page.")] = None,
) -> PageParams:
    return PageParams(limit=limit, after=int(cursor) if cursor else 0)


PageDep = Annotated[PageParams, Depends(page_params)]


def limit_query(query: Select[Any], column: InstrumentedAttribute[int], page: PageParams) -> Select[Any]:
    """The query from the cursor on, one item more than a page so that we know whether another page follows."""
    query = query.where(column > page.after).order_by(None).order_by(column)
    return query if page.limit is None else query.limit(page.limit + 1)


def one_page(items: list[T], page: PageParams, request: Request, response: Response, *, key: str = "id") -> list[T]:
    """The page's items, with the headers that name the next page when there is one."""
    if page.limit is None or len(items) <= page.limit:
        return items
    items = items[:page.limit]
    cursor = str(getattr(items[-1], key))
    response.headers["X-Next-Cursor"] = cursor
    response.headers["Link"] = f'<{request.url.include_query_params(cursor=cursor)}>; rel="next"'
    return items


def from_cursor(items: list[T], page: PageParams, *, key: str = "id") -> list[T]:
    """The same window as `limit_query` over a short list already in memory (courses, assignments)."""
    ordered = sorted((item for item in items if getattr(item, key) > page.after), key=lambda item: getattr(item, key))
    return ordered if page.limit is None else ordered[:page.limit + 1]
