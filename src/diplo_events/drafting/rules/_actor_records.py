"""The records of the cast: a `Person` or an `Organization` for every actor read.

The actors stage (`_actors.py`) reads who a text mentions into a frozen
`Cast`; once every stage has read it, this module drafts their records, and
the news agency a wire dateline names.
"""

from typing import Final

from diplo_events.drafting.reading._document import Document
from diplo_events.drafting.reading._gazetteer import is_national_body as _is_national_body
from diplo_events.drafting.rules._cues import confidence
from diplo_events.drafting.rules._shared import Actor
from diplo_events.model import (
    Organization,
    OrganizationKind,
    Person,
    Position,
    country_name,
    is_country_code,
    stable_id,
)

__all__ = ["actor_records", "outlet"]

ACTOR_FIRST_MENTION: Final = confidence("actor-first-mention")
OUTLET_DATELINE: Final = confidence("outlet-dateline")


def actor_records(doc: Document, actors: list[Actor]) -> list[Person | Organization]:
    """The records of *actors*, and of the news agency a wire dateline names, if any."""
    records: list[Person | Organization] = []
    states: dict[str, str] = {}
    ids = {actor.key: actor.id for actor in actors if actor.kind == "organization"}
    for actor in actors:
        if actor.kind == "organization" and actor.org_kind is OrganizationKind.STATE:
            states[actor.country or ""] = actor.id
    for actor in actors:
        citation = doc.cite(actor.first.start, actor.first.end, ACTOR_FIRST_MENTION)
        if actor.kind == "person":
            name = actor.name or actor.names[0]
            positions: tuple[Position, ...] = ()
            if actor.title and (actor.unnamed or actor.represents is not None):
                body = ids.get(actor.represents or "")
                positions = (Position(title=actor.title, organization=body),)
            records.append(
                Person(
                    id=actor.id,
                    name=name,
                    aliases=tuple(n for n in actor.names if n != name),
                    positions=positions,
                    unnamed=actor.unnamed,
                    citations=(citation,),
                    draft=True,
                )
            )
            continue
        parent = None
        if actor.org_kind is not OrganizationKind.STATE and actor.country:
            parent = states.get(actor.country)
        records.append(
            Organization(
                id=actor.id,
                name=_organization_name(actor),
                kind=actor.org_kind or OrganizationKind.OTHER,
                country=actor.country if actor.country and is_country_code(actor.country) else None,
                parent=parent,
                unnamed=actor.unnamed,
                citations=(citation,),
                draft=True,
            )
        )
    return records


def outlet(doc: Document) -> Organization | None:
    """The news agency a wire dateline names, as the source's publisher.

    ``MOSCOW, March 3 (Northgate Wire) —`` was written by Northgate Wire. A
    publisher the given source names already is kept.
    """
    dateline = doc.dateline
    if dateline is None or dateline.agency is None or doc.source.publisher is not None:
        return None
    name = " ".join(dateline.agency.split())
    start = dateline.agency_start
    return Organization(
        id=stable_id("organization", f"outlet:{name}", namespace=doc.namespace),
        name=name,
        kind=OrganizationKind.OUTLET,
        citations=(doc.cite(start, start + len(dateline.agency), OUTLET_DATELINE),),
        draft=True,
    )


def _organization_name(actor: Actor) -> str:
    if actor.org_kind is OrganizationKind.STATE and actor.country:
        return country_name(actor.country)
    name = actor.organization or actor.name or "unknown organization"
    if (
        actor.org_kind is OrganizationKind.MINISTRY
        and actor.country
        and not _is_national_body(name)
    ):
        return f"{name} of {country_name(actor.country)}"  # not "the FCDO of the United Kingdom"
    return name
