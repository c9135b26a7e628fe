//! Guardrail rules as a request sees them: the org's and its workspace's combined strictly
//! (per detector the stricter action, custom detectors and scanned roles united, the stricter
//! injection action), plus the injection allowlist the org grants that workspace.

use super::dlp::builtin::Builtin;
use super::dlp::custom::CustomDetector;
use super::injection::Attack;
use super::Action;
use regex::Regex;

/// A phrase (normalised, matched as words) or a regex (`re:` prefix, matched on the raw text).
#[derive(Debug, Clone)]
pub enum Allow {
    Phrase(String),
    Regex(Regex),
}

#[derive(Debug, Clone, Default)]
pub struct GuardPolicy {
    pub builtin: Vec<(Builtin, Action)>,
    pub custom: Vec<(CustomDetector, Action)>,
    /// Message roles DLP scans; `None` = every role.
    pub dlp_roles: Option<Vec<String>>,
    /// DLP also runs on non-streaming JSON responses.
    pub dlp_responses: bool,
    pub injection: Option<Action>,
    /// Per-class actions that replace `injection` for that class (`prompt_injection.classes`).
    pub injection_classes: Vec<(Attack, Action)>,
    pub injection_roles: Vec<String>,
    /// Persona set-ups count as injection (`prompt_injection.personas`).
    pub injection_personas: bool,
    pub allow: Vec<Allow>,
}

/// Roles prompt injection scans by default: what users and tools put into the conversation.
pub const DEFAULT_INJECTION_ROLES: [&str; 2] = ["user", "tool"];

impl GuardPolicy {
    pub fn is_empty(&self) -> bool {
        self.builtin.is_empty() && self.custom.is_empty() && self.injection.is_none()
    }

    pub fn action_of(&self, detector: Builtin) -> Option<Action> {
        self.builtin
            .iter()
            .find(|(d, _)| *d == detector)
            .map(|(_, a)| *a)
    }

    pub fn dlp_scans(&self, role: &str) -> bool {
        self.dlp_roles
            .as_ref()
            .is_none_or(|roles| roles.iter().any(|r| r == role))
    }

    pub fn injection_scans(&self, role: &str) -> bool {
        self.injection.is_some() && self.injection_roles.iter().any(|r| r == role)
    }

    /// What to do about an attack of class `attack`: its class's action, else the injection action.
    pub fn injection_action(&self, attack: Attack) -> Option<Action> {
        self.injection_classes
            .iter()
            .find(|(a, _)| *a == attack)
            .map(|(_, action)| *action)
            .or(self.injection)
    }

    /// Combines the org's rules with a workspace's: the result is never weaker than either.
    pub fn tighten(&self, workspace: &GuardPolicy) -> GuardPolicy {
        let mut builtin = self.builtin.clone();
        for (d, a) in &workspace.builtin {
            match builtin.iter_mut().find(|(x, _)| x == d) {
                Some((_, existing)) => *existing = (*existing).max(*a),
                None => builtin.push((*d, *a)),
            }
        }
        let mut custom = self.custom.clone();
        custom.extend(workspace.custom.iter().cloned());
        let dlp_roles = match (&self.dlp_roles, &workspace.dlp_roles) {
            (Some(a), Some(b)) => Some(union(a, b)),
            _ => None,
        };
        // Per class, the stricter of what each side would do; a class neither names follows the
        // combined `injection`, which is already the stricter of the two.
        let injection_classes = Attack::ALL
            .into_iter()
            .filter(|a| {
                self.injection_classes
                    .iter()
                    .chain(&workspace.injection_classes)
                    .any(|(c, _)| c == a)
            })
            .filter_map(|a| {
                let action = self
                    .injection_action(a)
                    .max(workspace.injection_action(a))?;
                Some((a, action))
            })
            .collect();
        let injection_roles = if workspace.injection.is_some() {
            union(&self.injection_roles, &workspace.injection_roles)
        } else {
            self.injection_roles.clone()
        };
        GuardPolicy {
            builtin,
            custom,
            dlp_roles,
            dlp_responses: self.dlp_responses || workspace.dlp_responses,
            injection: self.injection.max(workspace.injection),
            injection_classes,
            injection_roles,
            injection_personas: self.injection_personas || workspace.injection_personas,
            allow: Vec::new(),
        }
    }
}

fn union(a: &[String], b: &[String]) -> Vec<String> {
    let mut out = a.to_vec();
    for r in b {
        if !out.contains(r) {
            out.push(r.clone());
        }
    }
    out
}
