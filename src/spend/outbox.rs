//! Redis work that happens after a request is over: settling leases and releasing expired ones.
//! An HTTP context cannot receive side-call replies once its stream has ended (verified on Envoy
//! 1.40), so requests queue jobs here and the root context sends them on its tick and reads the
//! replies. Each job is retried a few times; every step is safe to repeat or race because the
//! `ZREM` that removes a lease decides who gives its amount back.

use super::money::MicroUsd;
use super::webdis::{integer_reply, list_reply, parse_member, Webdis};
use std::collections::{HashMap, VecDeque};

/// Attempts per job before it is dropped (and logged).
const MAX_ATTEMPTS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// Replace a lease with the actual cost.
    Settle {
        counter: String,
        member: String,
        amount: MicroUsd,
        actual: MicroUsd,
    },
    /// Add `delta` micro-USD to a counter.
    Add { counter: String, delta: i64 },
    /// Find expired leases.
    Reap,
    /// Release one expired lease.
    Release { member: String },
}

/// What a dispatched call was for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// `ZREM` of a settling lease sent.
    SettleRemoved {
        counter: String,
        amount: MicroUsd,
        actual: MicroUsd,
    },
    Added,
    Scanned,
    Released {
        counter: String,
        amount: MicroUsd,
    },
}

#[derive(Debug, Default)]
pub struct Outbox {
    queue: VecDeque<(Job, u32)>,
    /// Side-call token → (step, the job to retry on failure, attempts so far).
    pending: HashMap<u32, (Step, Job, u32)>,
    /// Jobs given up on, for the log.
    pub dropped: u64,
}

/// Sends one webdis request and returns its token.
pub type Dispatch<'a> = &'a mut dyn FnMut(&str) -> Option<u32>;

impl Outbox {
    pub fn push(&mut self, job: Job) {
        self.queue.push_back((job, 0));
    }

    pub fn is_idle(&self) -> bool {
        self.queue.is_empty() && self.pending.is_empty()
    }

    /// Adds a reaper pass unless one is already queued or in flight.
    pub fn schedule_reap(&mut self) {
        let busy = self.queue.iter().any(|(j, _)| *j == Job::Reap)
            || self.pending.values().any(|(s, _, _)| *s == Step::Scanned);
        if !busy {
            self.push(Job::Reap);
        }
    }

    /// Sends every queued job.
    pub fn flush(&mut self, webdis: &Webdis, now_ms: u64, dispatch: Dispatch<'_>) {
        while let Some((job, attempts)) = self.queue.pop_front() {
            let (path, step) = match &job {
                Job::Settle {
                    counter,
                    member,
                    amount,
                    actual,
                } => (
                    webdis.remove_lease(member),
                    Step::SettleRemoved {
                        counter: counter.clone(),
                        amount: *amount,
                        actual: *actual,
                    },
                ),
                Job::Add { counter, delta } => (webdis.incrby(counter, *delta), Step::Added),
                Job::Reap => (webdis.expired_leases(now_ms), Step::Scanned),
                Job::Release { member } => match parse_member(member) {
                    Some((amount, counter)) => (
                        webdis.remove_lease(member),
                        Step::Released {
                            counter: counter.to_string(),
                            amount,
                        },
                    ),
                    None => continue,
                },
            };
            match dispatch(&path) {
                Some(token) => {
                    self.pending.insert(token, (step, job, attempts + 1));
                }
                None => self.retry(job, attempts + 1),
            }
        }
    }

    fn retry(&mut self, job: Job, attempts: u32) {
        if attempts >= MAX_ATTEMPTS {
            self.dropped += 1;
            log::error!("llm-policy-router: budget store job dropped after {attempts} attempts");
        } else {
            self.queue.push_back((job, attempts));
        }
    }

    /// A side-call reply: `body` is `None` unless webdis answered 200.
    pub fn on_reply(&mut self, token: u32, body: Option<&[u8]>) {
        let Some((step, job, attempts)) = self.pending.remove(&token) else {
            return;
        };
        let ok = match (&step, body) {
            (
                Step::SettleRemoved {
                    counter,
                    amount,
                    actual,
                },
                Some(b),
            ) => {
                integer_reply(b, "ZREM").map(|removed| {
                    // Our lease still held `amount`; if the reaper took it first, it already gave it back.
                    let held = if removed == 1 { amount.signed() } else { 0 };
                    let change = actual.signed().saturating_sub(held);
                    if change != 0 {
                        self.push(Job::Add {
                            counter: counter.clone(),
                            delta: change,
                        });
                    }
                })
            }
            (Step::Added, Some(b)) => integer_reply(b, "INCRBY").map(|_| ()),
            (Step::Scanned, Some(b)) => list_reply(b, "ZRANGEBYSCORE").map(|members| {
                for member in members.into_iter().flatten() {
                    self.push(Job::Release { member });
                }
            }),
            (Step::Released { counter, amount }, Some(b)) => {
                integer_reply(b, "ZREM").map(|removed| {
                    if removed == 1 {
                        self.push(Job::Add {
                            counter: counter.clone(),
                            delta: -amount.signed(),
                        });
                    }
                })
            }
            (_, None) => None,
        };
        if ok.is_none() && job != Job::Reap {
            self.retry(job, attempts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spend::webdis::test_webdis;

    fn webdis() -> Webdis {
        test_webdis("p:")
    }

    /// Flushes and records the paths sent, tokens 1, 2, ...
    fn sent(outbox: &mut Outbox, next: &mut u32) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        outbox.flush(&webdis(), 1000, &mut |p: &str| {
            *next += 1;
            out.push((*next, p.to_string()));
            Some(*next)
        });
        out
    }

    #[test]
    fn settle_gives_back_the_lease_only_if_it_removed_it() {
        for (removed, expected) in [(1, "/INCRBY/c/-70"), (0, "/INCRBY/c/30")] {
            let mut o = Outbox::default();
            let mut t = 0;
            o.push(Job::Settle {
                counter: "c".into(),
                member: "100|1|c".into(),
                amount: MicroUsd(100),
                actual: MicroUsd(30),
            });
            let calls = sent(&mut o, &mut t);
            assert_eq!(calls[0].1, "/ZREM/p%3Aleases/100%7C1%7Cc");
            o.on_reply(
                calls[0].0,
                Some(format!("{{\"ZREM\":{removed}}}").as_bytes()),
            );
            let calls = sent(&mut o, &mut t);
            assert_eq!(calls[0].1, expected);
            o.on_reply(calls[0].0, Some(b"{\"INCRBY\":5}"));
            assert!(o.is_idle());
        }
    }

    #[test]
    fn reaper_releases_each_expired_lease_once() {
        let mut o = Outbox::default();
        let mut t = 0;
        o.schedule_reap();
        o.schedule_reap();
        let calls = sent(&mut o, &mut t);
        assert_eq!(calls.len(), 1);
        o.on_reply(
            calls[0].0,
            Some(br#"{"ZRANGEBYSCORE":["40|2|k1","7|3|k2"]}"#),
        );
        let calls = sent(&mut o, &mut t);
        assert_eq!(calls.len(), 2);
        o.on_reply(calls[0].0, Some(br#"{"ZREM":1}"#));
        o.on_reply(calls[1].0, Some(br#"{"ZREM":0}"#)); // settled meanwhile: nothing to give back
        let calls = sent(&mut o, &mut t);
        assert_eq!(
            calls.iter().map(|c| c.1.as_str()).collect::<Vec<_>>(),
            ["/INCRBY/k1/-40"]
        );
    }

    #[test]
    fn failures_retry_then_drop() {
        let mut o = Outbox::default();
        let mut t = 0;
        o.push(Job::Add {
            counter: "c".into(),
            delta: 5,
        });
        for _ in 0..MAX_ATTEMPTS {
            let calls = sent(&mut o, &mut t);
            assert_eq!(calls.len(), 1);
            o.on_reply(calls[0].0, None);
        }
        assert!(o.is_idle());
        assert_eq!(o.dropped, 1);
    }
}
