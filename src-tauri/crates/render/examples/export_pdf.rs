//! Times the PDF export of the 400-card A1 map (`waymark generate --stages 20 --lanes 10
//! --cards 400`, as `scripts/bench-export` uses) in-process, phase by phase, for the pages
//! read directly into krilla against the same pages through usvg and krilla-svg, A/B
//! interleaved. Prints the figures recorded in docs/BENCHMARKS.md. Run with
//! `cargo run --release -p waymark-render --example export_pdf [RUNS]`.

use std::time::{Duration, Instant};

use waymark_model::{generate, map_to_json, GenerateSpec};
use waymark_render::export::{
    compose_all, write_pdf_phases, ExportFormat, ExportInfo, ExportOptions, Orientation, PaperSize,
    PdfPhases,
};
use waymark_render::Layouter;

/// CPU time of the calling thread (the PDF is written on one thread), from the scheduler.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:7.1} ms", d.as_secs_f64() * 1e3)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let doc = generate(GenerateSpec {
        stages: 20,
        lanes: 10,
        cards: 400,
        seed: 1,
    });
    let map_id = doc.maps[0].id.clone();
    let t0 = Instant::now();
    let scene = Layouter::new().layout(&doc, &map_id).unwrap();
    let layout = t0.elapsed();
    let opts = ExportOptions {
        format: ExportFormat::Pdf,
        page: PaperSize::A1,
        orientation: Orientation::Landscape,
        ..ExportOptions::default()
    };
    let info = ExportInfo {
        title: scene.map_name.clone(),
        author: String::new(),
        persona: String::new(),
        date: "2026-12-06".into(),
    };
    let t0 = Instant::now();
    let pages = compose_all(&doc, &scene, &opts, &info).unwrap();
    let compose = t0.elapsed();
    let json = map_to_json(&doc, &map_id).unwrap();
    println!(
        "A1 landscape, {} cards, page SVG {} KiB; layout {}, compose {}",
        scene.cards.len(),
        pages[0].svg.len() >> 10,
        ms(layout),
        ms(compose)
    );

    // (route, wall, cpu, phases, bytes) per run, the two routes interleaved.
    let mut rows: Vec<Vec<(Duration, Duration, PdfPhases, usize)>> = vec![Vec::new(), Vec::new()];
    for _ in 0..runs {
        for (i, through_usvg) in [false, true].into_iter().enumerate() {
            let (c0, t0) = (thread_cpu(), Instant::now());
            let (bytes, phases) =
                write_pdf_phases(&pages, &info, Some(&json), through_usvg).unwrap();
            rows[i].push((t0.elapsed(), thread_cpu() - c0, phases, bytes.len()));
        }
    }
    println!("median of {runs} runs     wall        cpu       read       draw     finish   size");
    for (name, r) in ["direct", "via usvg"].iter().zip(&rows) {
        let col = |f: &dyn Fn(&(Duration, Duration, PdfPhases, usize)) -> Duration| {
            median(r.iter().map(f).collect())
        };
        println!(
            "{name:18} {} {} {} {} {} {:4} KiB  ({} of {} pages direct)",
            ms(col(&|x| x.0)),
            ms(col(&|x| x.1)),
            ms(col(&|x| x.2.read)),
            ms(col(&|x| x.2.draw)),
            ms(col(&|x| x.2.finish)),
            r[0].3 >> 10,
            r[0].2.direct_pages,
            pages.len()
        );
    }
}
