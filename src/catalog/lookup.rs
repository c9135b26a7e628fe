//! Resolving a requested model name: the exact catalog id or alias first (ids may contain colons,
//! e.g. `llama3:8b` or `...:free`), then the OpenRouter variant suffixes `:floor` and `:nitro`.

use super::{Catalog, ModelId};

/// What a model suffix asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// No suffix.
    Plain,
    /// `:floor` — cheapest first.
    Floor,
    /// `:nitro` — highest throughput first.
    Nitro,
}

const SUFFIXES: [(&str, Variant); 2] = [(":floor", Variant::Floor), (":nitro", Variant::Nitro)];

impl Catalog {
    /// The model a name refers to, as seen by `workspace`. A private model of another workspace is
    /// reported exactly like an unknown one, so its existence does not leak.
    ///
    /// ```
    /// # use llm_policy_router::catalog::{Catalog, Model, ModelId, lookup::Variant};
    /// let mut c = Catalog::default();
    /// c.models.push(Model { id: "llama3:8b".into(), aliases: vec![], visible_to: None, endpoints: vec![] });
    /// c.by_name.insert("llama3:8b".into(), ModelId(0));
    /// assert_eq!(c.find_model("llama3:8b", "ws"), Some((ModelId(0), Variant::Plain)));
    /// assert_eq!(c.find_model("llama3:8b:nitro", "ws"), Some((ModelId(0), Variant::Nitro)));
    /// assert_eq!(c.find_model("llama3", "ws"), None);
    /// ```
    pub fn find_model(&self, name: &str, workspace: &str) -> Option<(ModelId, Variant)> {
        let visible = |id: &ModelId| self.model(*id).is_some_and(|m| m.is_visible_to(workspace));
        if let Some(id) = self.by_name.get(name).filter(|id| visible(id)) {
            return Some((*id, Variant::Plain));
        }
        SUFFIXES.iter().find_map(|(suffix, variant)| {
            let base = name.strip_suffix(suffix)?;
            self.by_name
                .get(base)
                .filter(|id| visible(id))
                .map(|id| (*id, *variant))
        })
    }
}
