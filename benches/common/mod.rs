//! Shared by the native benchmarks.
#![allow(clippy::indexing_slicing)]

use std::time::Instant;

/// Median nanoseconds per call over `batches` batches sized to ~20 ms each.
pub fn measure(mut f: impl FnMut()) -> f64 {
    for _ in 0..200 {
        f();
    }
    let start = Instant::now();
    let mut calibrate = 0u64;
    while start.elapsed().as_millis() < 20 {
        f();
        calibrate += 1;
    }
    let batch = calibrate.max(1);
    let mut samples: Vec<f64> = (0..25)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                f();
            }
            t.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
