//! The file's tables and the connection settings every Waymark connection uses.
//!
//! Names are plain words so that a person with `sqlite3` can read (and rescue) their
//! data. Enums are stored by their `as_str()` names. Foreign keys are deferred to the
//! end of each transaction so the diff writer may touch rows in any order.

use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

/// How long a statement waits for another connection's lock before we report `Locked`.
/// Short: a person is waiting, and a writer that holds the lock longer is another program.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

const V1: &str = r#"
CREATE TABLE document_info (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE channels (
    id       TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    icon     TEXT NOT NULL,
    color    TEXT
);

CREATE TABLE personas (
    id       TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    segment  TEXT NOT NULL,
    color    TEXT
);

CREATE TABLE maps (
    id          TEXT PRIMARY KEY NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE map_personas (
    map_id     TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    persona_id TEXT NOT NULL REFERENCES personas(id) DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,
    PRIMARY KEY (map_id, persona_id)
);
CREATE INDEX map_personas_by_persona ON map_personas(persona_id);

CREATE TABLE stages (
    id       TEXT PRIMARY KEY NOT NULL,
    map_id   TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    color    TEXT,
    width    INTEGER NOT NULL CHECK (width > 0)
);
CREATE INDEX stages_by_map ON stages(map_id);

CREATE TABLE lanes (
    id        TEXT PRIMARY KEY NOT NULL,
    map_id    TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('touchpoints', 'actions', 'thoughts', 'emotions',
                  'pain_points', 'opportunities', 'passion_points', 'channels', 'kpis',
                  'backstage', 'notes', 'custom')),
    color     TEXT,
    collapsed INTEGER NOT NULL CHECK (collapsed IN (0, 1)),
    hidden    INTEGER NOT NULL CHECK (hidden IN (0, 1))
);
CREATE INDEX lanes_by_map ON lanes(map_id);

-- position is the card's place within its cell (stage x lane).
CREATE TABLE cards (
    id                     TEXT PRIMARY KEY NOT NULL,
    map_id                 TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    stage_id               TEXT NOT NULL REFERENCES stages(id) DEFERRABLE INITIALLY DEFERRED,
    lane_id                TEXT NOT NULL REFERENCES lanes(id) DEFERRABLE INITIALLY DEFERRED,
    position               INTEGER NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('touchpoints', 'actions', 'thoughts',
                               'emotions', 'pain_points', 'opportunities', 'passion_points',
                               'channels', 'kpis', 'backstage', 'notes', 'custom')),
    title                  TEXT NOT NULL,
    body                   TEXT NOT NULL,
    color                  TEXT,
    channel_id             TEXT REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    passion_point          INTEGER NOT NULL CHECK (passion_point IN (0, 1)),
    shareable_moment       INTEGER NOT NULL CHECK (shareable_moment IN (0, 1)),
    point_of_vulnerability INTEGER NOT NULL CHECK (point_of_vulnerability IN (0, 1))
);
CREATE INDEX cards_by_map ON cards(map_id);
CREATE INDEX cards_by_stage ON cards(stage_id);
CREATE INDEX cards_by_lane ON cards(lane_id);
CREATE INDEX cards_by_channel ON cards(channel_id);

CREATE TABLE card_personas (
    card_id    TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    persona_id TEXT NOT NULL REFERENCES personas(id) DEFERRABLE INITIALLY DEFERRED,
    position   INTEGER NOT NULL,
    PRIMARY KEY (card_id, persona_id)
);
CREATE INDEX card_personas_by_persona ON card_personas(persona_id);

CREATE TABLE connectors (
    id           TEXT PRIMARY KEY NOT NULL,
    map_id       TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL,
    from_card_id TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    to_card_id   TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    kind         TEXT NOT NULL CHECK (kind IN ('flow', 'loop_back', 'word_of_mouth', 'hand_off')),
    label        TEXT NOT NULL
);
CREATE INDEX connectors_by_map ON connectors(map_id);
CREATE INDEX connectors_by_from ON connectors(from_card_id);
CREATE INDEX connectors_by_to ON connectors(to_card_id);

CREATE TABLE emotion_points (
    map_id     TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    persona_id TEXT NOT NULL REFERENCES personas(id) DEFERRABLE INITIALLY DEFERRED,
    stage_id   TEXT NOT NULL REFERENCES stages(id) DEFERRABLE INITIALLY DEFERRED,
    value      INTEGER NOT NULL CHECK (value BETWEEN -2 AND 2),
    PRIMARY KEY (map_id, persona_id, stage_id)
);
CREATE INDEX emotion_points_by_persona ON emotion_points(persona_id);
CREATE INDEX emotion_points_by_stage ON emotion_points(stage_id);

-- Undo history: each edit with its exact inverse, as the model's JSON.
CREATE TABLE edit_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    label      TEXT NOT NULL,
    edit       TEXT NOT NULL,
    inverse    TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
"#;

/// The strategist's plan (channel job descriptions, SMART goals and monthly reviews;
/// passion-point KPIs and notes; vulnerabilities; the engagement ladder; persona goals and
/// photos) and the `ladder` lane kind.
///
/// SQLite cannot change a CHECK constraint, so `lanes` and `cards` are rebuilt: their rows
/// are copied aside, the tables dropped and created again under the same names, and the
/// rows copied back. Dropping a parent while foreign keys are on counts its children's
/// rows as (deferred) violations; putting the same parent rows back under the same table
/// name counts them off again, so the transaction commits with every reference intact.
/// (Renaming a new table into place would not: with foreign keys on, SQLite rewrites the
/// children's REFERENCES clauses on a rename.)
const V2: &str = r#"
CREATE TABLE rungs (
    id         TEXT PRIMARY KEY NOT NULL,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    commitment TEXT NOT NULL
);

ALTER TABLE channels ADD COLUMN ownership TEXT NOT NULL DEFAULT 'owned'
    CHECK (ownership IN ('owned', 'earned', 'paid'));
ALTER TABLE channels ADD COLUMN reach TEXT NOT NULL DEFAULT 'online'
    CHECK (reach IN ('online', 'offline'));
ALTER TABLE channels ADD COLUMN role_title TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN responsibilities TEXT NOT NULL DEFAULT '';
ALTER TABLE channels ADD COLUMN owner TEXT NOT NULL DEFAULT '';

-- The job description's "works with": the channels this one hands customers to, in order.
CREATE TABLE channel_hand_offs (
    channel_id    TEXT NOT NULL REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    to_channel_id TEXT NOT NULL REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    position      INTEGER NOT NULL,
    PRIMARY KEY (channel_id, to_channel_id)
);
CREATE INDEX channel_hand_offs_by_to ON channel_hand_offs(to_channel_id);

-- Goal ids are unique within their channel. relevant_to names a stage or a card.
CREATE TABLE smart_goals (
    channel_id  TEXT NOT NULL REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    id          TEXT NOT NULL,
    position    INTEGER NOT NULL,
    statement   TEXT NOT NULL,
    metric      TEXT NOT NULL,
    target      REAL,
    unit        TEXT NOT NULL,
    baseline    REAL,
    better      TEXT NOT NULL CHECK (better IN ('up', 'down')),
    period      TEXT NOT NULL,
    relevant_to TEXT,
    PRIMARY KEY (channel_id, id)
);

-- One review per channel and month (YYYY-MM); read back in month order.
CREATE TABLE channel_reviews (
    channel_id   TEXT NOT NULL REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    month        TEXT NOT NULL,
    support_note TEXT NOT NULL,
    PRIMARY KEY (channel_id, month)
);

CREATE TABLE review_actuals (
    channel_id TEXT NOT NULL,
    month      TEXT NOT NULL,
    goal_id    TEXT NOT NULL,
    position   INTEGER NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (channel_id, month, goal_id),
    FOREIGN KEY (channel_id, month) REFERENCES channel_reviews(channel_id, month)
        DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (channel_id, goal_id) REFERENCES smart_goals(channel_id, id)
        DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX review_actuals_by_goal ON review_actuals(channel_id, goal_id);

ALTER TABLE personas ADD COLUMN goals TEXT NOT NULL DEFAULT '';
-- A PNG, already downscaled; its size in pixels beside it.
ALTER TABLE personas ADD COLUMN photo BLOB;
ALTER TABLE personas ADD COLUMN photo_width INTEGER CHECK (photo_width > 0);
ALTER TABLE personas ADD COLUMN photo_height INTEGER CHECK (photo_height > 0);

ALTER TABLE stages ADD COLUMN rung_id TEXT REFERENCES rungs(id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX stages_by_rung ON stages(rung_id);

-- lanes and cards again, for the 'ladder' kind (and the cards' plan columns), keeping
-- each row's rowid. The copies are temporary tables, gone at the end of the migration.
CREATE TEMP TABLE v1_lanes AS SELECT rowid AS old_rowid, * FROM lanes;
CREATE TEMP TABLE v1_cards AS SELECT rowid AS old_rowid, * FROM cards;
DROP TABLE cards;
DROP TABLE lanes;

CREATE TABLE lanes (
    id        TEXT PRIMARY KEY NOT NULL,
    map_id    TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('touchpoints', 'actions', 'thoughts', 'emotions',
                  'pain_points', 'opportunities', 'passion_points', 'channels', 'kpis',
                  'backstage', 'notes', 'custom', 'ladder')),
    color     TEXT,
    collapsed INTEGER NOT NULL CHECK (collapsed IN (0, 1)),
    hidden    INTEGER NOT NULL CHECK (hidden IN (0, 1))
);
CREATE INDEX lanes_by_map ON lanes(map_id);
INSERT INTO lanes (rowid, id, map_id, position, name, kind, color, collapsed, hidden)
    SELECT old_rowid, id, map_id, position, name, kind, color, collapsed, hidden FROM v1_lanes;

-- position is the card's place within its cell (stage x lane). content_needed belongs to
-- a passion point, the vuln_ columns to a point of vulnerability.
CREATE TABLE cards (
    id                     TEXT PRIMARY KEY NOT NULL,
    map_id                 TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    stage_id               TEXT NOT NULL REFERENCES stages(id) DEFERRABLE INITIALLY DEFERRED,
    lane_id                TEXT NOT NULL REFERENCES lanes(id) DEFERRABLE INITIALLY DEFERRED,
    position               INTEGER NOT NULL,
    kind                   TEXT NOT NULL CHECK (kind IN ('touchpoints', 'actions', 'thoughts',
                               'emotions', 'pain_points', 'opportunities', 'passion_points',
                               'channels', 'kpis', 'backstage', 'notes', 'custom', 'ladder')),
    title                  TEXT NOT NULL,
    body                   TEXT NOT NULL,
    color                  TEXT,
    channel_id             TEXT REFERENCES channels(id) DEFERRABLE INITIALLY DEFERRED,
    passion_point          INTEGER NOT NULL CHECK (passion_point IN (0, 1)),
    shareable_moment       INTEGER NOT NULL CHECK (shareable_moment IN (0, 1)),
    point_of_vulnerability INTEGER NOT NULL CHECK (point_of_vulnerability IN (0, 1)),
    rung_id                TEXT REFERENCES rungs(id) DEFERRABLE INITIALLY DEFERRED,
    content_needed         TEXT NOT NULL DEFAULT '',
    vuln_risk              TEXT NOT NULL DEFAULT '',
    vuln_severity          INTEGER NOT NULL DEFAULT 2 CHECK (vuln_severity BETWEEN 1 AND 3),
    vuln_owner             TEXT NOT NULL DEFAULT '',
    vuln_mitigation        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cards_by_map ON cards(map_id);
CREATE INDEX cards_by_stage ON cards(stage_id);
CREATE INDEX cards_by_lane ON cards(lane_id);
CREATE INDEX cards_by_channel ON cards(channel_id);
CREATE INDEX cards_by_rung ON cards(rung_id);
INSERT INTO cards (rowid, id, map_id, stage_id, lane_id, position, kind, title, body,
                   color, channel_id, passion_point, shareable_moment, point_of_vulnerability)
    SELECT old_rowid, id, map_id, stage_id, lane_id, position, kind, title, body,
           color, channel_id, passion_point, shareable_moment, point_of_vulnerability
    FROM v1_cards;

DROP TABLE v1_cards;
DROP TABLE v1_lanes;

-- A passion point's KPIs (ids unique within their card), each with its readings.
CREATE TABLE kpis (
    card_id  TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    metric   TEXT NOT NULL,
    target   REAL,
    actual   REAL,
    unit     TEXT NOT NULL,
    better   TEXT NOT NULL CHECK (better IN ('up', 'down')),
    PRIMARY KEY (card_id, id)
);

CREATE TABLE kpi_readings (
    card_id  TEXT NOT NULL,
    kpi_id   TEXT NOT NULL,
    position INTEGER NOT NULL,
    period   TEXT NOT NULL,
    value    REAL NOT NULL,
    PRIMARY KEY (card_id, kpi_id, position),
    FOREIGN KEY (card_id, kpi_id) REFERENCES kpis(card_id, id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE passion_notes (
    card_id  TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    id       TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('observation', 'quote', 'idea')),
    text     TEXT NOT NULL,
    PRIMARY KEY (card_id, id)
);
"#;

/// Workshop mode (issue 13): the facilitator's notes per stage, lanes left out while
/// presenting for outsiders, the room's participants, who wrote a card, a card's tags, and
/// dot-voting rounds with their votes. Only columns and tables are added: nothing is
/// rebuilt, and an older file's rows keep their meaning (no notes, every lane shown, no
/// author, no tags, no rounds).
const V3: &str = r#"
ALTER TABLE stages ADD COLUMN speaker_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE lanes ADD COLUMN hidden_for_outsiders INTEGER NOT NULL DEFAULT 0
    CHECK (hidden_for_outsiders IN (0, 1));

-- The people in the room. initials: at most 3 characters; color: #rrggbb.
CREATE TABLE participants (
    id       TEXT PRIMARY KEY NOT NULL,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    initials TEXT NOT NULL,
    color    TEXT NOT NULL
);

-- Who wrote a card captured in the room (NULL: nobody in particular).
ALTER TABLE cards ADD COLUMN author_id TEXT REFERENCES participants(id)
    DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX cards_by_author ON cards(author_id);

-- A card's tags (a dot-voting round's winners get one), in order.
CREATE TABLE card_tags (
    card_id  TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    tag      TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (card_id, tag)
);

-- A dot-voting round on one map. votes_per_participant is each participant's budget,
-- max_per_card how many of them one participant may put on one card. The cards that may
-- get votes are those in the lanes of vote_round_lanes (eligible_by = 'lanes') or those
-- listed in vote_round_cards (eligible_by = 'cards').
CREATE TABLE vote_rounds (
    id                    TEXT PRIMARY KEY NOT NULL,
    map_id                TEXT NOT NULL REFERENCES maps(id) DEFERRABLE INITIALLY DEFERRED,
    position              INTEGER NOT NULL,
    question              TEXT NOT NULL,
    votes_per_participant INTEGER NOT NULL CHECK (votes_per_participant > 0),
    max_per_card          INTEGER NOT NULL CHECK (max_per_card > 0),
    eligible_by           TEXT NOT NULL CHECK (eligible_by IN ('lanes', 'cards')),
    anonymous             INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    state                 TEXT NOT NULL CHECK (state IN ('open', 'ended'))
);
CREATE INDEX vote_rounds_by_map ON vote_rounds(map_id);

CREATE TABLE vote_round_lanes (
    round_id TEXT NOT NULL REFERENCES vote_rounds(id) DEFERRABLE INITIALLY DEFERRED,
    lane_id  TEXT NOT NULL REFERENCES lanes(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    PRIMARY KEY (round_id, lane_id)
);
CREATE INDEX vote_round_lanes_by_lane ON vote_round_lanes(lane_id);

CREATE TABLE vote_round_cards (
    round_id TEXT NOT NULL REFERENCES vote_rounds(id) DEFERRABLE INITIALLY DEFERRED,
    card_id  TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    position INTEGER NOT NULL,
    PRIMARY KEY (round_id, card_id)
);
CREATE INDEX vote_round_cards_by_card ON vote_round_cards(card_id);

-- How many dots a participant put on a card in a round.
CREATE TABLE votes (
    round_id       TEXT NOT NULL REFERENCES vote_rounds(id) DEFERRABLE INITIALLY DEFERRED,
    participant_id TEXT NOT NULL REFERENCES participants(id) DEFERRABLE INITIALLY DEFERRED,
    card_id        TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    count          INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (round_id, participant_id, card_id)
);
CREATE INDEX votes_by_participant ON votes(participant_id);
CREATE INDEX votes_by_card ON votes(card_id);

-- Dots on paper, counted by the facilitator: no participant, one count per card.
CREATE TABLE paper_dots (
    round_id TEXT NOT NULL REFERENCES vote_rounds(id) DEFERRABLE INITIALLY DEFERRED,
    card_id  TEXT NOT NULL REFERENCES cards(id) DEFERRABLE INITIALLY DEFERRED,
    count    INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (round_id, card_id)
);
CREATE INDEX paper_dots_by_card ON paper_dots(card_id);
"#;

/// Schema versions in order; `user_version` counts how many have run. Append only.
const MIGRATION_LIST: &[M<'static>] = &[
    M::up(V1).foreign_key_check(),
    M::up(V2).foreign_key_check(),
    M::up(V3).foreign_key_check(),
];

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATION_LIST)
}

/// The settings that make every acknowledged edit complete on disk in the one file:
/// a rollback journal that is deleted at commit (no `-wal` side files, works on network
/// shares) and `synchronous=EXTRA`: FULL's syncs of the journal and the file, and the
/// folder synced after the journal's deletion too — that deletion is the commit, and
/// without the folder sync a power cut could bring back the journal and roll the newest
/// acknowledged change back (the power-cut test, `tests/crash/power_cut.rs`).
pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(failure(format!("the journal mode stayed {mode:?}")));
    }
    conn.pragma_update(None, "synchronous", "EXTRA")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// An error of our own in SQLite's clothes, for code paths that return SQLite errors.
pub(crate) fn failure(message: String) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ERROR),
        Some(message),
    )
}

/// Settings for a read-only look (`inspect`): nothing that could write.
pub(crate) fn configure_read_only(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }

    #[test]
    fn schema_version_matches_the_migrations() {
        assert_eq!(super::MIGRATION_LIST.len(), crate::SCHEMA_VERSION as usize);
    }
}
