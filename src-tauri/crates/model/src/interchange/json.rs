//! The versioned JSON file of one map: export, and import as one undoable edit.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{InterchangeError, MAP_FORMAT, MAP_FORMAT_VERSION};
use crate::validate::*;
use crate::*;

/// What [`map_from_json`] builds: the edit to apply, and what to tell the user about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapImport {
    /// One `Edit::Batch` (one undo step): the channels and personas the document lacks,
    /// then the map. Its inverse (returned by `apply`) removes all of it.
    pub edit: Edit,
    /// The id the new map gets (the file's, unless the document already uses it).
    pub map_id: Id,
    /// The name the new map gets (the file's, with " (2)", " (3)"… if the document
    /// already has a map of that name).
    pub map_name: String,
    /// How many cards the map brings.
    pub cards: usize,
}

#[derive(Serialize)]
struct MapFileOut<'a> {
    format: &'a str,
    version: u32,
    map: &'a Map,
    channels: Vec<&'a Channel>,
    personas: Vec<&'a Persona>,
    /// The document's engagement ladder, which the map's stages and cards stand on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    ladder: Vec<&'a Rung>,
}

#[derive(Deserialize)]
struct MapFileIn {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    map: Map,
    #[serde(default)]
    channels: Vec<Channel>,
    #[serde(default)]
    personas: Vec<Persona>,
    #[serde(default)]
    ladder: Vec<Rung>,
}

/// The map `map_id` as a pretty-printed, self-contained map file: the map plus only the
/// channels its cards use and the personas the map, its cards and its emotion points
/// refer to (each in the document's order). Deterministic: the same document gives the
/// same bytes. Ends with a newline.
pub fn map_to_json(doc: &Document, map_id: &str) -> Result<String, InterchangeError> {
    let map = doc
        .map(map_id)
        .ok_or_else(|| InterchangeError::UnknownMap {
            map_id: map_id.to_string(),
        })?;
    let used_channels: HashSet<&str> = map
        .cards
        .iter()
        .filter_map(|c| c.channel_id.as_deref())
        .collect();
    let used_personas: HashSet<&str> = map
        .persona_ids
        .iter()
        .chain(map.cards.iter().flat_map(|c| c.persona_ids.iter()))
        .chain(map.emotion_points.iter().map(|p| &p.persona_id))
        .map(String::as_str)
        .collect();
    let file = MapFileOut {
        format: MAP_FORMAT,
        version: MAP_FORMAT_VERSION,
        map,
        channels: doc
            .channels
            .iter()
            .filter(|c| used_channels.contains(c.id.as_str()))
            .collect(),
        personas: doc
            .personas
            .iter()
            .filter(|p| used_personas.contains(p.id.as_str()))
            .collect(),
        ladder: doc.ladder.iter().collect(),
    };
    // Plain structs with string keys: serialization cannot fail.
    let mut text = serde_json::to_string_pretty(&file).expect("a map serializes");
    text.push('\n');
    Ok(text)
}

/// Reads a map file (`source` is its name, used in every error message) and builds the
/// edit that adds it to `doc` as a new map, after the document's other maps. Nothing is
/// applied: on error there is nothing to undo.
///
/// Ids: the file's ids are kept where the document does not use them yet. An id the
/// document already uses (importing the same file twice, or into the document it came
/// from) is replaced by the same id with a numeric suffix (`c-gift` → `c-gift-2`,
/// `c-gift-3`…; an existing `-N` suffix is replaced, not stacked), unique per kind of
/// entity as the file format requires, and every reference to it is rewritten. The
/// model makes no random ids, so the same file and document give the same edit.
///
/// Channels and personas are shared by the document's maps: one the document already
/// has with the same id and the same content is reused; otherwise it is added (under a
/// suffixed id if its id is taken by a different one, unless an earlier import already
/// added an identical copy under such an id, which is then reused).
///
/// The map's name gets " (2)", " (3)"… when the document already has a map so named.
///
/// Workshop data stays with the document it was gathered in: the cards arrive without
/// their authors and the map without its dot-voting rounds (their tags stay).
pub fn map_from_json(
    text: &str,
    source: &str,
    doc: &Document,
) -> Result<MapImport, InterchangeError> {
    let file = source.to_string();
    // Some editors start a UTF-8 file with a byte-order mark; JSON does not allow one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(InterchangeError::NotAMap {
            file,
            detail: "it is empty".into(),
        });
    }

    // 1. Is it JSON, and is it a Waymark map of a version we read?
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| InterchangeError::Syntax {
            file: file.clone(),
            line: e.line(),
            column: e.column(),
            message: match bare_message(&e).strip_prefix("EOF while parsing ") {
                Some("a value") | None if e.is_eof() => {
                    "the file ends too early; it may have been cut short".to_string()
                }
                Some(inside) => {
                    format!("the file ends too early, inside {inside}; it may have been cut short")
                }
                None => bare_message(&e),
            },
        })?;
    check_header(&value, &file)?;

    // 2. Every field present and of the right type (parsed again from the text, so the
    // parser can say where).
    let de = &mut serde_json::Deserializer::from_str(text);
    let parsed: MapFileIn = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut message = bare_message(&inner);
        let mut path = if path == "." { String::new() } else { path };
        // serde reports a missing field at the object that lacks it; name the field.
        if let Some(name) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            path = join(&path, name);
            message = "is missing".to_string();
        }
        InterchangeError::Field {
            file: file.clone(),
            path: if path.is_empty() {
                "(top level)".into()
            } else {
                path
            },
            line: inner.line(),
            column: inner.column(),
            message,
        }
    })?;

    // 3. Consistent by itself: ids, references, ranges.
    check_contents(&parsed).map_err(|(path, message)| InterchangeError::Invalid {
        file: file.clone(),
        path,
        message,
    })?;

    // 4. Fit it into the document.
    let import = build(parsed, doc);
    let mut trial = doc.clone();
    import
        .edit
        .apply(&mut trial)
        .map_err(|e| InterchangeError::Rejected {
            file,
            message: e.to_string(),
        })?;
    Ok(import)
}

/// serde_json's message without its " at line L column C" tail (we place it ourselves).
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    let bare = full.strip_suffix(&tail).unwrap_or(&full);
    // serde_json stops at 128 levels of arrays and objects; say so in words.
    if bare == "recursion limit exceeded" {
        return "it is nested more than 128 levels deep, which no Waymark map is".to_string();
    }
    bare.to_string()
}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn check_header(value: &serde_json::Value, file: &str) -> Result<(), InterchangeError> {
    let not_a_map = |detail: String| InterchangeError::NotAMap {
        file: file.to_string(),
        detail,
    };
    let obj = value.as_object().ok_or_else(|| {
        let what = match value {
            serde_json::Value::Array(_) => "a JSON array",
            serde_json::Value::String(_) => "a JSON string",
            serde_json::Value::Number(_) => "a JSON number",
            serde_json::Value::Bool(_) => "a JSON boolean",
            _ => "JSON null",
        };
        not_a_map(format!("it holds {what}, not an object"))
    })?;
    match obj.get("format") {
        None => return Err(not_a_map("it has no \"format\" field".into())),
        Some(serde_json::Value::String(f)) if f == MAP_FORMAT => {}
        Some(other) => return Err(not_a_map(format!("format is {other}"))),
    }
    let invalid = |message: String| InterchangeError::Invalid {
        file: file.to_string(),
        path: "version".into(),
        message,
    };
    let version = match obj.get("version") {
        None => return Err(invalid("is missing".into())),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| invalid(format!("{v} is not a format version (a whole number)")))?,
    };
    if version > u64::from(MAP_FORMAT_VERSION) {
        return Err(InterchangeError::NewerVersion {
            file: file.to_string(),
            version,
            supported: MAP_FORMAT_VERSION,
        });
    }
    if version == 0 {
        return Err(invalid(
            "0 is not a format version (they start at 1)".into(),
        ));
    }
    Ok(())
}

type Problem = (String, String);

/// The message of a field check, placed at `path`.
fn at(path: impl FnOnce() -> String, r: Result<(), EditError>) -> Result<(), Problem> {
    r.map_err(|e| {
        let message = match e {
            EditError::Invalid { message, .. } => message,
            other => other.to_string(),
        };
        (path(), message)
    })
}

/// Ids valid and unique within their list; returns id → index.
fn unique_ids<'a>(
    list: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<&'a str, usize>, Problem> {
    let mut seen = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = || format!("{list}[{i}].id");
        at(path, check_id("id", id))?;
        if let Some(first) = seen.insert(id, i) {
            return Err((
                path(),
                format!("{id:?} is used twice (also by {list}[{first}])"),
            ));
        }
    }
    Ok(seen)
}

fn known(
    path: impl FnOnce() -> String,
    ids: &HashMap<&str, usize>,
    id: &str,
    what: &str,
    list: &str,
) -> Result<(), Problem> {
    if ids.contains_key(id) {
        Ok(())
    } else {
        Err((path(), format!("there is no {what} {id:?} in {list}")))
    }
}

fn persona_list(path: &str, ids: &[Id], personas: &HashMap<&str, usize>) -> Result<(), Problem> {
    for (j, id) in ids.iter().enumerate() {
        let p = || format!("{path}[{j}]");
        known(p, personas, id, "persona", "personas")?;
        if ids[..j].contains(id) {
            return Err((p(), format!("lists {id:?} twice")));
        }
    }
    Ok(())
}

/// The checks the editor makes on a whole map, with messages that say where in the file.
fn check_contents(f: &MapFileIn) -> Result<(), Problem> {
    let m = &f.map;
    let channels = unique_ids("channels", f.channels.iter().map(|c| c.id.as_str()))?;
    let personas = unique_ids("personas", f.personas.iter().map(|p| p.id.as_str()))?;
    for (i, c) in f.channels.iter().enumerate() {
        at(|| format!("channels[{i}].name"), check_name("", &c.name))?;
        at(|| format!("channels[{i}].icon"), check_len("", &c.icon, 8))?;
        at(|| format!("channels[{i}].color"), check_color("", &c.color))?;
    }
    for (i, p) in f.personas.iter().enumerate() {
        at(|| format!("personas[{i}].name"), check_name("", &p.name))?;
        at(
            || format!("personas[{i}].segment"),
            check_name("", &p.segment),
        )?;
        at(|| format!("personas[{i}].color"), check_color("", &p.color))?;
    }

    at(|| "map.id".into(), check_id("", &m.id))?;
    at(|| "map.name".into(), check_name("", &m.name))?;
    at(
        || "map.description".into(),
        check_len("", &m.description, MAX_TEXT),
    )?;
    persona_list("map.personaIds", &m.persona_ids, &personas)?;

    let stages = unique_ids("map.stages", m.stages.iter().map(|s| s.id.as_str()))?;
    for (i, s) in m.stages.iter().enumerate() {
        at(|| format!("map.stages[{i}].name"), check_name("", &s.name))?;
        at(
            || format!("map.stages[{i}].color"),
            check_color("", &s.color),
        )?;
        at(|| format!("map.stages[{i}].width"), check_width(s.width))?;
    }
    let lanes = unique_ids("map.lanes", m.lanes.iter().map(|l| l.id.as_str()))?;
    for (i, l) in m.lanes.iter().enumerate() {
        at(|| format!("map.lanes[{i}].name"), check_name("", &l.name))?;
        at(
            || format!("map.lanes[{i}].color"),
            check_color("", &l.color),
        )?;
    }

    let cards = unique_ids("map.cards", m.cards.iter().map(|c| c.id.as_str()))?;
    for (i, c) in m.cards.iter().enumerate() {
        let p = |field: &str| format!("map.cards[{i}].{field}");
        known(|| p("stageId"), &stages, &c.stage_id, "stage", "map.stages")?;
        known(|| p("laneId"), &lanes, &c.lane_id, "lane", "map.lanes")?;
        let lane = &m.lanes[lanes[c.lane_id.as_str()]];
        if c.kind != lane.kind {
            return Err((
                p("kind"),
                format!(
                    "is {:?} but its lane {:?} holds {:?}",
                    c.kind.as_str(),
                    lane.name,
                    lane.kind.as_str()
                ),
            ));
        }
        at(|| p("title"), check_len("", &c.title, MAX_NAME * 5))?;
        at(|| p("body"), check_len("", &c.body, MAX_TEXT))?;
        at(|| p("color"), check_color("", &c.color))?;
        if let Some(ch) = &c.channel_id {
            known(|| p("channelId"), &channels, ch, "channel", "channels")?;
        }
        persona_list(&p("personaIds"), &c.persona_ids, &personas)?;
    }

    unique_ids("map.connectors", m.connectors.iter().map(|c| c.id.as_str()))?;
    for (i, c) in m.connectors.iter().enumerate() {
        let p = |field: &str| format!("map.connectors[{i}].{field}");
        known(
            || p("fromCardId"),
            &cards,
            &c.from_card_id,
            "card",
            "map.cards",
        )?;
        known(|| p("toCardId"), &cards, &c.to_card_id, "card", "map.cards")?;
        if c.from_card_id == c.to_card_id {
            return Err((
                p("toCardId"),
                format!("joins card {:?} to itself", c.to_card_id),
            ));
        }
        at(|| p("label"), check_name("", &c.label))?;
    }

    let mut points = HashMap::new();
    for (i, e) in m.emotion_points.iter().enumerate() {
        let p = |field: &str| format!("map.emotionPoints[{i}].{field}");
        known(
            || p("personaId"),
            &personas,
            &e.persona_id,
            "persona",
            "personas",
        )?;
        known(|| p("stageId"), &stages, &e.stage_id, "stage", "map.stages")?;
        if !(EMOTION_MIN..=EMOTION_MAX).contains(&e.value) {
            return Err((
                p("value"),
                format!(
                    "{} is outside {EMOTION_MIN}..+{EMOTION_MAX} (from upset to delighted)",
                    e.value
                ),
            ));
        }
        if let Some(first) = points.insert((e.persona_id.as_str(), e.stage_id.as_str()), i) {
            return Err((
                format!("map.emotionPoints[{i}]"),
                format!(
                    "persona {:?} already has a point at stage {:?} (map.emotionPoints[{first}])",
                    e.persona_id, e.stage_id
                ),
            ));
        }
    }
    Ok(())
}

/// Ids given out during one import, per kind of entity: every id the document or the
/// file uses is taken, so a fresh one can clash with neither.
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    fn new<'a>(
        doc_ids: impl Iterator<Item = &'a str>,
        file_ids: impl Iterator<Item = &'a str>,
    ) -> Ids {
        Ids {
            taken: doc_ids.chain(file_ids).map(str::to_string).collect(),
        }
    }

    /// `base-2`, `base-3`… (a `-N` suffix already on `base` is replaced), cut to the id
    /// length limit, and not yet taken.
    fn fresh(&mut self, id: &str) -> Id {
        let base = stem(id);
        for n in 2u64.. {
            let suffix = format!("-{n}");
            let mut cut = MAX_ID.saturating_sub(suffix.len()).min(base.len());
            while !base.is_char_boundary(cut) {
                cut -= 1;
            }
            let candidate = format!("{}{suffix}", &base[..cut]);
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("some suffix is free")
    }
}

/// `id` without a short numeric `-N` suffix (`c-gift-2` → `c-gift`). Longer digit runs
/// (the last group of a UUID can be all digits) are left alone.
fn stem(id: &str) -> &str {
    match id.rsplit_once('-') {
        Some((base, n))
            if !base.is_empty()
                && (1..=4).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            base
        }
        _ => id,
    }
}

/// Whether `candidate` is `id` itself or one of the ids [`Ids::fresh`] makes from it.
fn derived_from(candidate: &str, id: &str) -> bool {
    candidate == id
        || candidate
            .strip_prefix(stem(id))
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|n| (1..=20).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `name`, or `name (2)`, `name (3)`… — the first the document has no map called.
fn unique_name(doc: &Document, name: &str) -> String {
    let taken: HashSet<&str> = doc.maps.iter().map(|m| m.name.as_str()).collect();
    if !taken.contains(name) {
        return name.to_string();
    }
    // "Journey (2)" imported again becomes "Journey (3)", not "Journey (2) (2)".
    let base = match name.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        Some((b, n)) if !b.is_empty() && !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) => {
            b
        }
        _ => name,
    };
    for n in 2u64.. {
        let suffix = format!(" ({n})");
        let keep = MAX_NAME.saturating_sub(suffix.chars().count());
        let candidate: String = base.chars().take(keep).chain(suffix.chars()).collect();
        if !taken.contains(candidate.as_str()) {
            return candidate;
        }
    }
    unreachable!("some number is free")
}

/// Shared entities (channels, personas): reuse, or add under the file's or a fresh id.
/// Returns file id → document id, and the ones to add.
fn share<T: Clone>(
    from_file: &[T],
    in_doc: &[T],
    id: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
    set_id: impl Fn(&mut T, Id),
) -> (HashMap<Id, Id>, Vec<T>) {
    let mut ids = Ids::new(in_doc.iter().map(&id), from_file.iter().map(&id));
    let mut rename = HashMap::new();
    let mut added = Vec::new();
    // Two file entries never end up as one document entry (a card listing both would
    // then list it twice).
    let mut reused = HashSet::new();
    for item in from_file {
        let file_id = id(item).to_string();
        let free = |d: &&T| !reused.contains(id(d)) && same(d, item);
        let reuse = in_doc
            .iter()
            .filter(free)
            .find(|d| id(d) == file_id)
            .or_else(|| {
                in_doc.iter().any(|d| id(d) == file_id).then(|| {
                    in_doc
                        .iter()
                        .filter(free)
                        .find(|d| derived_from(id(d), &file_id))
                })?
            });
        let target = match reuse {
            Some(existing) => {
                reused.insert(id(existing).to_string());
                id(existing).to_string()
            }
            None => {
                let target = if in_doc.iter().any(|d| id(d) == file_id) {
                    ids.fresh(&file_id)
                } else {
                    file_id.clone()
                };
                let mut new = item.clone();
                set_id(&mut new, target.clone());
                added.push(new);
                target
            }
        };
        rename.insert(file_id, target);
    }
    (rename, added)
}

/// A map's own entities: the file's id unless the document already uses it.
fn own<'a>(doc_ids: impl Iterator<Item = &'a str>, file_ids: &[&'a str]) -> HashMap<Id, Id> {
    let in_doc: HashSet<&str> = doc_ids.collect();
    let mut ids = Ids::new(in_doc.iter().copied(), file_ids.iter().copied());
    file_ids
        .iter()
        .map(|&id| {
            let new = if in_doc.contains(id) {
                ids.fresh(id)
            } else {
                id.to_string()
            };
            (id.to_string(), new)
        })
        .collect()
}

fn build(f: MapFileIn, doc: &Document) -> MapImport {
    let (channel_ids, channels) = share(
        &f.channels,
        &doc.channels,
        |c| &c.id,
        |a, b| a.props() == b.props(),
        |c, id| c.id = id,
    );
    let (persona_ids, personas) = share(
        &f.personas,
        &doc.personas,
        |p| &p.id,
        |a, b| a.props() == b.props(),
        |p, id| p.id = id,
    );

    let mut map = f.map;
    let all = |f: fn(&Map) -> Vec<&str>| -> Vec<&str> { doc.maps.iter().flat_map(f).collect() };
    let map_ids = own(doc.maps.iter().map(|m| m.id.as_str()), &[map.id.as_str()]);
    let stage_ids = own(
        all(|m| m.stages.iter().map(|s| s.id.as_str()).collect()).into_iter(),
        &map.stages.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
    );
    let lane_ids = own(
        all(|m| m.lanes.iter().map(|l| l.id.as_str()).collect()).into_iter(),
        &map.lanes.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(),
    );
    let card_ids = own(
        all(|m| m.cards.iter().map(|c| c.id.as_str()).collect()).into_iter(),
        &map.cards.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
    );
    let connector_ids = own(
        all(|m| m.connectors.iter().map(|c| c.id.as_str()).collect()).into_iter(),
        &map.connectors
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
    );

    // Every reference was checked, so each lookup finds its id.
    let re = |ids: &HashMap<Id, Id>, id: &mut Id| {
        if let Some(new) = ids.get(id.as_str()) {
            *id = new.clone();
        }
    };
    re(&map_ids, &mut map.id);
    map.name = unique_name(doc, &map.name);
    map.persona_ids.iter_mut().for_each(|p| re(&persona_ids, p));
    for s in &mut map.stages {
        re(&stage_ids, &mut s.id);
    }
    for l in &mut map.lanes {
        re(&lane_ids, &mut l.id);
    }
    for c in &mut map.cards {
        re(&card_ids, &mut c.id);
        re(&stage_ids, &mut c.stage_id);
        re(&lane_ids, &mut c.lane_id);
        if let Some(ch) = &mut c.channel_id {
            re(&channel_ids, ch);
        }
        c.persona_ids.iter_mut().for_each(|p| re(&persona_ids, p));
        // Participants belong to the document the workshop was held in, not to the map.
        c.author = None;
    }
    map.vote_rounds.clear();
    // The document's ladder gains the file's rungs it lacks (matched by id); a rung
    // named by neither is left off.
    let mut ladder = doc.ladder.clone();
    for rung in &f.ladder {
        if !ladder.iter().any(|r| r.id == rung.id) {
            ladder.push(rung.clone());
        }
    }
    let on_ladder = |rung: &mut Option<Id>| {
        if rung
            .as_ref()
            .is_some_and(|r| !ladder.iter().any(|d| &d.id == r))
        {
            *rung = None;
        }
    };
    map.stages
        .iter_mut()
        .for_each(|s| on_ladder(&mut s.rung_id));
    map.cards
        .iter_mut()
        .for_each(|c| on_ladder(&mut c.plan.rung_id));
    for c in &mut map.connectors {
        re(&connector_ids, &mut c.id);
        re(&card_ids, &mut c.from_card_id);
        re(&card_ids, &mut c.to_card_id);
    }
    for e in &mut map.emotion_points {
        re(&persona_ids, &mut e.persona_id);
        re(&stage_ids, &mut e.stage_id);
    }

    // Hand-offs name channels: keep those that arrive with the map or are already here.
    let known: HashSet<Id> = doc
        .channels
        .iter()
        .map(|c| c.id.clone())
        .chain(channel_ids.values().cloned())
        .collect();
    let channels: Vec<Channel> = channels
        .into_iter()
        .map(|mut c| {
            let works_with = &mut c.plan.job.works_with;
            works_with.iter_mut().for_each(|w| re(&channel_ids, w));
            works_with.retain(|w| known.contains(w) && *w != c.id);
            c
        })
        .collect();
    let mut edits = Vec::new();
    if ladder != doc.ladder {
        edits.push(Edit::SetLadder { rungs: ladder });
    }
    // Channels arrive first without their hand-offs (which may name each other), then get them.
    let mut hand_offs = Vec::new();
    for (k, mut channel) in channels.into_iter().enumerate() {
        if !channel.plan.job.works_with.is_empty() {
            hand_offs.push(Edit::UpdateChannel {
                channel_id: channel.id.clone(),
                props: ChannelPatch::hand_offs(channel.plan.job.works_with.clone()),
            });
            channel.plan.job.works_with.clear();
        }
        edits.push(Edit::AddChannel {
            channel,
            index: (doc.channels.len() + k) as u32,
        });
    }
    edits.extend(hand_offs);
    for (k, persona) in personas.into_iter().enumerate() {
        edits.push(Edit::AddPersona {
            persona,
            index: (doc.personas.len() + k) as u32,
        });
    }
    let (map_id, map_name, cards) = (map.id.clone(), map.name.clone(), map.cards.len());
    edits.push(Edit::AddMap {
        map,
        index: doc.maps.len() as u32,
    });
    MapImport {
        edit: Edit::Batch { edits },
        map_id,
        map_name,
        cards,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_replace_a_numeric_suffix_and_respect_the_length_limit() {
        let mut ids = Ids::new(["c", "c-2"].into_iter(), std::iter::empty());
        assert_eq!(ids.fresh("c"), "c-3");
        assert_eq!(ids.fresh("c-2"), "c-4");
        let long = "x".repeat(MAX_ID);
        let fresh = ids.fresh(&long);
        assert_eq!(fresh.len(), MAX_ID);
        assert!(fresh.ends_with("-2"));
        // A UUID's last group is not a counter.
        assert_eq!(stem("0b8f-123456789012"), "0b8f-123456789012");
        assert!(derived_from("ch-7", "ch"));
        assert!(derived_from("ch-7", "ch-2"));
        assert!(!derived_from("ch-x", "ch"));
    }

    #[test]
    fn map_names_count_up() {
        let mut doc = Document::default();
        doc.maps.push(Map::new("a", "Journey"));
        assert_eq!(unique_name(&doc, "Other"), "Other");
        assert_eq!(unique_name(&doc, "Journey"), "Journey (2)");
        doc.maps.push(Map::new("b", "Journey (2)"));
        assert_eq!(unique_name(&doc, "Journey (2)"), "Journey (3)");
        assert_eq!(unique_name(&doc, "Journey"), "Journey (3)");
    }
}
