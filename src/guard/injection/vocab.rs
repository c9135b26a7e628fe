//! The words attacks are made of, grouped into classes, and a lookup that also recognises each
//! word with its middle letters scrambled ("ignroe", "insturctions": readable to a model, missed
//! by exact matching).

use std::sync::OnceLock;

use crate::fastmap::FastMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    OverrideVerb,
    Prior,
    Everything,
    Your,
    You,
    Instructions,
    PromptWord,
    SystemWord,
    Hidden,
    Text,
    Reveal,
    What,
    Persona,
    Developer,
    Mode,
    Do,
    Anything,
    Now,
    Act,
    Pretend,
    Without,
    No,
    Restrictions,
    New,
    Must,
    Attention,
    Assistant,
    /// role, persona, character
    Role,
    /// immerse, assume, simulate, play (a role)
    RoleVerb,
    Stay,
    Two,
    /// ways, responses, styles
    Ways,
    /// respond, answer, reply
    Respond,
    /// given, told, provided, received
    Given,
    /// refuse, decline
    Refuse,
    /// on, for, regarding: what a limit applies to
    Scope,
    /// rules, guidelines, policies: instructions that are also restrictions
    Rules,
    My,
    Are,
    /// model: the model itself only in "language model"
    ModelWord,
    Language,
    Opposite,
    /// allowed, supposed, permitted
    Allowed,
    Other,
}

const WORDS: &[(&str, Class)] = &[
    ("ignore", Class::OverrideVerb),
    ("ignoring", Class::OverrideVerb),
    ("disregard", Class::OverrideVerb),
    ("forget", Class::OverrideVerb),
    ("override", Class::OverrideVerb),
    ("bypass", Class::OverrideVerb),
    ("neglect", Class::OverrideVerb),
    ("discard", Class::OverrideVerb),
    ("abandon", Class::OverrideVerb),
    ("skip", Class::OverrideVerb),
    ("overrule", Class::OverrideVerb),
    ("circumvent", Class::OverrideVerb),
    ("previous", Class::Prior),
    ("prior", Class::Prior),
    ("above", Class::Prior),
    ("earlier", Class::Prior),
    ("preceding", Class::Prior),
    ("initial", Class::Prior),
    ("original", Class::Prior),
    ("before", Class::Prior),
    ("foregoing", Class::Prior),
    ("previously", Class::Prior),
    ("old", Class::Prior),
    ("existing", Class::Prior),
    ("everything", Class::Everything),
    ("all", Class::Everything),
    ("anything", Class::Anything),
    ("your", Class::Your),
    ("you", Class::You),
    ("youre", Class::You),
    ("instructions", Class::Instructions),
    ("instruction", Class::Instructions),
    ("rules", Class::Rules),
    ("directions", Class::Instructions),
    ("guidelines", Class::Rules),
    ("directives", Class::Instructions),
    ("commands", Class::Instructions),
    ("constraints", Class::Instructions),
    ("programming", Class::Instructions),
    ("restrictions", Class::Restrictions),
    ("guardrails", Class::Rules),
    ("policies", Class::Rules),
    ("orders", Class::Instructions),
    ("prompts", Class::PromptWord),
    ("prompt", Class::PromptWord),
    ("context", Class::Instructions),
    ("messages", Class::Instructions),
    ("told", Class::Given),
    ("system", Class::SystemWord),
    ("hidden", Class::Hidden),
    ("secret", Class::Hidden),
    ("confidential", Class::Hidden),
    ("text", Class::Text),
    ("words", Class::Text),
    ("lines", Class::Text),
    ("reveal", Class::Reveal),
    ("show", Class::Reveal),
    ("print", Class::Reveal),
    ("repeat", Class::Reveal),
    ("output", Class::Reveal),
    ("display", Class::Reveal),
    ("leak", Class::Reveal),
    ("dump", Class::Reveal),
    ("disclose", Class::Reveal),
    ("recite", Class::Reveal),
    ("spell", Class::Reveal),
    ("tell", Class::Reveal),
    ("what", Class::What),
    ("on", Class::Scope),
    ("for", Class::Scope),
    ("regarding", Class::Scope),
    ("break", Class::OverrideVerb),
    ("breaking", Class::OverrideVerb),
    ("violate", Class::OverrideVerb),
    ("violating", Class::OverrideVerb),
    ("warning", Class::Restrictions),
    ("warnings", Class::Restrictions),
    ("disclaimers", Class::Restrictions),
    ("refuse", Class::Refuse),
    ("refuses", Class::Refuse),
    ("decline", Class::Refuse),
    ("declines", Class::Refuse),
    ("refusal", Class::Refuse),
    ("message", Class::PromptWord),
    ("initially", Class::Prior),
    ("beginning", Class::Prior),
    ("whats", Class::What),
    ("dan", Class::Persona),
    ("jailbreak", Class::Persona),
    ("jailbroken", Class::Persona),
    ("jailbreaking", Class::Persona),
    ("stan", Class::Persona),
    ("dude", Class::Other),
    ("unfiltered", Class::Persona),
    ("uncensored", Class::Persona),
    ("developer", Class::Developer),
    ("dev", Class::Developer),
    ("god", Class::Developer),
    ("debug", Class::Developer),
    ("mode", Class::Mode),
    ("do", Class::Do),
    ("now", Class::Now),
    ("act", Class::Act),
    ("acting", Class::Act),
    ("roleplay", Class::Act),
    ("pretend", Class::Pretend),
    ("imagine", Class::Pretend),
    ("without", Class::Without),
    ("no", Class::No),
    ("free", Class::Without),
    ("limitations", Class::Restrictions),
    ("limits", Class::Restrictions),
    ("filters", Class::Restrictions),
    ("censorship", Class::Restrictions),
    ("boundaries", Class::Restrictions),
    ("ethics", Class::Restrictions),
    ("morals", Class::Restrictions),
    ("restraints", Class::Restrictions),
    ("safeguards", Class::Restrictions),
    ("new", Class::New),
    ("updated", Class::New),
    ("revised", Class::New),
    ("must", Class::Must),
    ("instead", Class::Must),
    ("immediately", Class::Must),
    ("attention", Class::Attention),
    ("note", Class::Attention),
    ("ai", Class::Assistant),
    ("assistant", Class::Assistant),
    ("llm", Class::Assistant),
    ("model", Class::ModelWord),
    ("chatbot", Class::Assistant),
    ("agent", Class::Other),
    ("chatgpt", Class::Assistant),
    ("gpt", Class::Assistant),
    ("unrestricted", Class::Persona),
    ("amoral", Class::Persona),
    ("unethical", Class::Persona),
    ("moral", Class::Restrictions),
    ("ethical", Class::Restrictions),
    ("principles", Class::Restrictions),
    ("laws", Class::Restrictions),
    ("filter", Class::Restrictions),
    ("policy", Class::Restrictions),
    ("never", Class::No),
    ("not", Class::No),
    ("dont", Class::No),
    ("doesnt", Class::No),
    ("disregards", Class::OverrideVerb),
    ("ignores", Class::OverrideVerb),
    ("role", Class::Role),
    ("persona", Class::Role),
    ("character", Class::Role),
    ("immerse", Class::RoleVerb),
    ("assume", Class::RoleVerb),
    ("simulate", Class::RoleVerb),
    ("play", Class::RoleVerb),
    ("stay", Class::Stay),
    ("two", Class::Two),
    ("ways", Class::Ways),
    ("responses", Class::Ways),
    ("styles", Class::Ways),
    ("respond", Class::Respond),
    ("answer", Class::Respond),
    ("reply", Class::Respond),
    ("given", Class::Given),
    ("provided", Class::Given),
    ("received", Class::Given),
    ("my", Class::My),
    ("are", Class::Are),
    ("is", Class::Are),
    ("were", Class::Are),
    ("was", Class::Are),
    // Policy evasion: the model's own rules, named as something to be without.
    ("openai", Class::Assistant),
    ("openais", Class::Assistant),
    ("chatgpts", Class::Assistant),
    ("nor", Class::No),
    ("cannot", Class::No),
    ("wont", Class::No),
    ("isnt", Class::No),
    ("defy", Class::OverrideVerb),
    ("defies", Class::OverrideVerb),
    ("defying", Class::OverrideVerb),
    ("bypasses", Class::OverrideVerb),
    ("bypassing", Class::OverrideVerb),
    ("breaks", Class::OverrideVerb),
    ("evade", Class::OverrideVerb),
    ("regulations", Class::Restrictions),
    ("restriction", Class::Restrictions),
    ("limitation", Class::Restrictions),
    ("norms", Class::Restrictions),
    ("conventions", Class::Restrictions),
    ("guideline", Class::Rules),
    ("does", Class::Do),
    ("see", Class::Reveal),
    ("language", Class::Language),
    ("bot", Class::Assistant),
    ("direction", Class::Instructions),
    ("directive", Class::Instructions),
    ("opposite", Class::Opposite),
    ("inputs", Class::Instructions),
    ("modify", Class::OverrideVerb),
    ("modifying", Class::OverrideVerb),
    ("reprogram", Class::OverrideVerb),
    ("alter", Class::OverrideVerb),
    ("supposed", Class::Allowed),
    ("allowed", Class::Allowed),
    ("permitted", Class::Allowed),
    ("unaligned", Class::Persona),
    ("personality", Class::Role),
    ("manner", Class::Ways),
];

pub struct Vocabulary {
    exact: FastMap<&'static str, Class>,
    /// (first letter, last letter, sorted middle) → class, for words of 4+ letters.
    scrambled: FastMap<Key, Class>,
    /// (first letter, last letter, length) of every vocabulary word: most words fail this cheap
    /// test and never pay for the sorted key.
    /// Bit `len` of `shapes[first][last]` (letters `a`-`z`): the same test as a bitmap.
    shapes: [[u32; 26]; 26],
}

/// Longest vocabulary word is far below this; longer words are never looked up scrambled.
const MAX_KEY: usize = 24;

/// A word's first and last letter and its sorted middle, on the stack (one lookup per word).
type Key = (u8, u8, u8, [u8; MAX_KEY]);

fn key(word: &str) -> Option<Key> {
    let b = word.as_bytes();
    if b.len() < 4 || b.len() > MAX_KEY || !b.is_ascii() {
        return None;
    }
    let mut middle = [0u8; MAX_KEY];
    let inner = b.get(1..b.len() - 1)?;
    middle.get_mut(..inner.len())?.copy_from_slice(inner);
    middle.get_mut(..inner.len())?.sort_unstable();
    Some((*b.first()?, *b.last()?, u8::try_from(b.len()).ok()?, middle))
}

impl Vocabulary {
    pub fn get() -> &'static Vocabulary {
        static V: OnceLock<Vocabulary> = OnceLock::new();
        V.get_or_init(|| {
            let exact: FastMap<_, _> = WORDS.iter().copied().collect();
            let scrambled = WORDS
                .iter()
                .filter_map(|(w, c)| key(w).map(|k| (k, *c)))
                .collect();
            let mut shapes = [[0u32; 26]; 26];
            for (w, _) in WORDS {
                let b = w.as_bytes();
                if let (Some(first), Some(last), true) = (b.first(), b.last(), b.len() < 32) {
                    let (f, l) = (
                        usize::from(first.wrapping_sub(b'a')),
                        usize::from(last.wrapping_sub(b'a')),
                    );
                    if let Some(slot) = shapes.get_mut(f).and_then(|row| row.get_mut(l)) {
                        *slot |= 1 << b.len();
                    }
                }
            }
            Vocabulary {
                exact,
                scrambled,
                shapes,
            }
        })
    }

    #[inline]
    pub fn classify(&self, word: &str) -> Class {
        // Most words of a text fail this bitmap test (first letter, last letter, length) and
        // are never hashed; exact and scrambled vocabulary words all pass it.
        let b = word.as_bytes();
        let letter = |b: Option<&u8>| b.map_or(usize::MAX, |b| usize::from(b.wrapping_sub(b'a')));
        let known_shape = b.len() < 32
            && self
                .shapes
                .get(letter(b.first()))
                .and_then(|row| row.get(letter(b.last())))
                .is_some_and(|bits| bits & (1 << b.len()) != 0);
        if !known_shape {
            return Class::Other;
        }
        if let Some(c) = self.exact.get(word) {
            return *c;
        }
        key(word)
            .and_then(|k| self.scrambled.get(&k).copied())
            .unwrap_or(Class::Other)
    }
}
