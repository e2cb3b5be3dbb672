//! Times opening generated documents of growing size, phase by phase: the model's
//! rebuild (the rule check every loaded file goes through), file → Document
//! (`Store::read`), Document → Scene (a new `Layouter`, then warm), and one map of a
//! 100-map file. The ratios between sizes show whether a step grows linearly. Run with
//! `cargo run --release -p waymark-render --example open_scale [--hash] [CARDS...]`
//! (default 1000 10000 30000 100000). `--hash` also prints a hash of each Scene's JSON,
//! to check that a faster layout gives the same Scene.

use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};

use waymark_model::{generate, Document, GenerateSpec};
use waymark_render::Layouter;
use waymark_store::Store;

/// What `f` took: wall-clock time, the process's CPU time (every thread's) and this
/// thread's, where Linux tells them (on a shared machine the CPU time is the steadier
/// figure; the two differ when the work runs on more than one thread).
fn timed<T>(f: impl FnOnce() -> T) -> (Took, T) {
    let (t, cpu, own) = (Instant::now(), process_cpu_time(), cpu_time());
    let out = f();
    let took = Took {
        wall: t.elapsed(),
        cpu: cpu
            .zip(process_cpu_time())
            .map(|(a, b)| b.saturating_sub(a)),
        own: own.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a)),
    };
    (took, out)
}

struct Took {
    wall: Duration,
    cpu: Option<Duration>,
    own: Option<Duration>,
}

impl std::fmt::Display for Took {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.1?}", self.wall)?;
        if let Some(cpu) = self.cpu {
            write!(f, " ({cpu:.1?} CPU")?;
            match self.own {
                Some(own) if own.abs_diff(cpu) >= Duration::from_millis(1) => {
                    write!(f, ", {own:.1?} on this thread)")
                }
                _ => write!(f, ")"),
            }
        } else {
            Ok(())
        }
    }
}

/// The process's time on a CPU so far, every thread's together.
fn process_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    ok.then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

/// The calling thread's time on a CPU so far (`/proc/thread-self/schedstat`, in ns).
fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn main() {
    let sizes: Vec<u32> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000, 30_000, 100_000]
    } else {
        sizes
    };
    let hash = std::env::args().any(|a| a == "--hash");
    let dir = tempfile::tempdir().unwrap();
    println!("cards | rebuild | create file | file → Document | layout (new Layouter) | layout (warm) | file → Scene");
    for cards in sizes {
        let doc = generate(GenerateSpec {
            stages: 20,
            lanes: 10,
            cards,
            seed: 1,
        });
        report(
            &dir.path().join(format!("g{cards}.waymark")),
            &doc,
            &cards.to_string(),
            hash,
        );
    }
    let doc = hundred_maps(100);
    report(
        &dir.path().join("maps100.waymark"),
        &doc,
        "100 maps × 100",
        hash,
    );
}

fn report(path: &std::path::Path, doc: &Document, what: &str, hash: bool) {
    let (rebuild, _) = timed(|| doc.rebuilt().unwrap());
    let (create, _) = timed(|| Store::create(path, doc).unwrap());
    let (read, loaded) = timed(|| Store::read(path).unwrap());
    let map_id = loaded.maps[0].id.clone();
    let mut layouter = Layouter::new();
    let (cold, _) = timed(|| layouter.layout(&loaded, &map_id).unwrap());
    let (warm, scene) = timed(|| layouter.layout(&loaded, &map_id).unwrap());
    let (whole, _) = timed(|| {
        let doc = Store::read(path).unwrap();
        Layouter::new().layout(&doc, &map_id).unwrap()
    });
    println!("{what} | {rebuild} | {create} | {read} | {cold} | {warm} | {whole}");
    if hash {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        serde_json::to_vec(&scene).unwrap().hash(&mut h);
        for m in &loaded.maps[1..] {
            serde_json::to_vec(&layouter.layout(&loaded, &m.id).unwrap())
                .unwrap()
                .hash(&mut h);
        }
        println!("  Scene JSON hash of every map: {:016x}", h.finish());
    }
}

/// `count` maps of 100 cards each in one document (ids made unique per map).
fn hundred_maps(count: usize) -> Document {
    let spec = GenerateSpec {
        stages: 20,
        lanes: 10,
        cards: 100,
        seed: 1,
    };
    waymark_model::generate_maps(spec, count)
}
