//! Prints the Scene of a document's map as JSON, for eyeballing a layout:
//! `cargo run -p waymark-render --example scene_json -- assets/templates/nonprofit-supporter.json [map-id]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: scene_json <document.json> [map-id]");
    let doc: waymark_model::Document =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let map_id = args.next().unwrap_or_else(|| doc.maps[0].id.clone());
    let scene = waymark_render::Layouter::new()
        .layout(&doc, &map_id)
        .unwrap();
    println!("{}", serde_json::to_string_pretty(&scene).unwrap());
}
