//! Spend. For now: token usage as providers report it (JSON bodies and SSE streams). Cost,
//! reservations and budgets come with the spend issue (#5); nothing here is wired into the filter yet.

pub mod usage;
