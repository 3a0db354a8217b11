"""Cross-article deduplication of events, as SQL views over the raw per-article events.

Two reports are the same event when they share the source, the target, the CAMEO code,
every modality flag (negated, hypothetical, future, suspected: "did not attack" and
"is suspected of attacking" are not "attacked") and the date precision, and their dates
are within a day of each other.
An actor is compared by its code; a code that names no country or organisation
("GOV", "REB") is too vague alone, so the actor's name is compared as well.

Dates are grouped greedily per key: the earliest day opens a group that also takes the
next day; the first day after that opens the next group. "Within a day" thus never
chains a month of daily reports into one event, and the grouping depends only on the
stored events, not on the order they were ingested in. An event without a date is
never merged. Being views, the groups are always in step with the raw rows.
"""

from __future__ import annotations

from eventwatch.store.shapes import MODALITY_FLAGS

# The flags of the first schema enter the key as true/false; a flag added later enters
# it only when set, so that the ids of existing groups stay as they were.
FIRST_FLAGS = ("negated", "hypothetical", "future")


def _actor_key(alias: str) -> str:
    return (
        f"CASE WHEN {alias}.country IS NOT NULL OR {alias}.org IS NOT NULL THEN {alias}.code"
        f" ELSE {alias}.code || ':' || lower({alias}.name) END"
    )


def _modality_key(flags: tuple[str, ...]) -> str:
    return ", ".join(f"e.{flag}" if flag in FIRST_FLAGS else f"CASE WHEN e.{flag} THEN '{flag}' END" for flag in flags)


def dedup_keys_view(flags: tuple[str, ...] = MODALITY_FLAGS) -> str:
    """One row per raw event: its group. The group id is an MD5 of the key and the
    group's first day, so it is stable across re-ingests and machines."""
    return f"""
CREATE OR REPLACE VIEW event_dedup_keys AS
WITH keyed AS (
    SELECT e.article_id, e.id AS event_id, TRY_CAST(e.date AS DATE) AS day,
           concat_ws('|', {_actor_key('s')}, coalesce({_actor_key('t')}, '-'), e.cameo,
                     coalesce(e.date_precision, '-'), {_modality_key(flags)}) AS dedup_key
    FROM events e
    JOIN actors s ON s.id = e.source_id
    LEFT JOIN actors t ON t.id = e.target_id
),
days AS (SELECT DISTINCT dedup_key, day FROM keyed WHERE day IS NOT NULL),
gaps AS (
    SELECT dedup_key, day, day - lag(day) OVER (PARTITION BY dedup_key ORDER BY day) AS gap
    FROM days
),
runs AS (
    SELECT dedup_key, day,
           sum(CASE WHEN gap IS NULL OR gap > 1 THEN 1 ELSE 0 END)
               OVER (PARTITION BY dedup_key ORDER BY day) AS run
    FROM gaps
),
starts AS (
    SELECT dedup_key, day, min(day) OVER (PARTITION BY dedup_key, run) AS run_start FROM runs
)
SELECT k.article_id, k.event_id,
       md5(CASE WHEN k.day IS NULL THEN k.article_id || '/' || k.event_id
                ELSE k.dedup_key || '|' || CAST(s.run_start AS VARCHAR) || '+' || CAST((k.day - s.run_start) // 2 AS VARCHAR)
           END) AS group_id
FROM keyed k
LEFT JOIN starts s ON s.dedup_key = k.dedup_key AND s.day = k.day
"""

# Each raw event its own group: the same columns as event_groups, one report each.
RAW_MEMBERSHIP = "(SELECT article_id, id AS event_id, article_id || '/' || id AS group_id FROM events)"
DEDUP_MEMBERSHIP = "event_dedup_keys"


def member_rows(membership: str) -> str:
    """Every report in `membership` with its group id and the article fields a group needs."""
    return f"""SELECT m.group_id, e.*, a.url, a.source AS publisher, a.lead_end, a.ingested_at
    FROM events e
    JOIN {membership} m ON m.article_id = e.article_id AND m.event_id = e.id
    JOIN articles a ON a.id = e.article_id"""


def grouped_events(membership: str, flags: tuple[str, ...] = MODALITY_FLAGS, members: str | None = None) -> str:
    """One row per group of `membership`: the first report's fields, the counts of
    reports, and every report's evidence in order. `members` may give the rows of
    member_rows() from elsewhere (groups.py feeds them part by part)."""
    modality = ", ".join(f"f.{flag}" for flag in flags)
    return f"""
WITH members AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY group_id
               ORDER BY TRY_CAST(date AS DATE) NULLS LAST, article_id, evidence_start, id
           ) AS report_rank
    FROM ({members or member_rows(membership)})
),
reports AS (
    SELECT group_id,
           count(DISTINCT article_id) AS reports,
           count(DISTINCT publisher) AS sources,
           count(*) AS mentions,
           bool_or(evidence_start < lead_end) AS in_lead,
           max(TRY_CAST(date AS DATE)) AS last_day,
           min(ingested_at) AS first_ingested_at,
           list({{'article_id': article_id, 'event_id': id, 'text': evidence_text,
                  'start': evidence_start, 'end': evidence_end, 'quote_id': evidence_quote_id}}
                ORDER BY report_rank) AS evidence
    FROM members
    GROUP BY group_id
)
SELECT r.group_id AS id, f.date, TRY_CAST(f.date AS DATE) AS day, r.last_day, f.date_precision,
       s.code AS source_code, s.name AS source_name, f.source_mention, s.country AS source_country,
       s.org AS source_org, s.sector AS source_sector,
       t.code AS target_code, t.name AS target_name, f.target_mention, t.country AS target_country,
       t.org AS target_org, t.sector AS target_sector,
       f.cameo, f.cameo_root, f.plover, f.quad_class, f.goldstein,
       {modality}, f.verb,
       f.location_name, f.location_country, f.location_lat, f.location_lon,
       r.reports, r.sources, r.mentions, r.in_lead,
       f.article_id AS first_article_id, f.url AS first_url, r.first_ingested_at, r.evidence, f.extra
FROM reports r
JOIN members f ON f.group_id = r.group_id AND f.report_rank = 1
JOIN actors s ON s.id = f.source_id
LEFT JOIN actors t ON t.id = f.target_id
"""


def dedup_views(flags: tuple[str, ...] = MODALITY_FLAGS) -> tuple[str, ...]:
    """The two views, keyed on `flags` (migrations pass the flags of their schema)."""
    return (
        dedup_keys_view(flags),
        f"CREATE OR REPLACE VIEW event_groups AS {grouped_events(DEDUP_MEMBERSHIP, flags)}",
    )
