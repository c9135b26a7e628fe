//! Shell-style globs (`*` any run, `?` one character) for model and provider allow/deny lists.

/// A validated glob pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    pattern: Vec<char>,
}

impl Glob {
    /// Refuses an empty pattern: it would silently match nothing.
    pub fn new(pattern: &str) -> Result<Self, String> {
        if pattern.trim().is_empty() {
            return Err("empty glob pattern".to_string());
        }
        Ok(Glob {
            pattern: pattern.chars().collect(),
        })
    }

    /// ```
    /// use llm_policy_router::policy::glob::Glob;
    /// let g = Glob::new("openai/*").unwrap();
    /// assert!(g.matches("openai/gpt-4o"));
    /// assert!(!g.matches("meta/llama"));
    /// ```
    pub fn matches(&self, text: &str) -> bool {
        // Iterative matcher with single-star backtracking: linear in practice, no recursion, and
        // no allocation (it runs for every candidate endpoint of every request). `t` is a byte
        // offset into `text`, always on a character boundary.
        let next = |t: usize| text.get(t..).and_then(|rest| rest.chars().next());
        let (mut p, mut t) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while let Some(tc) = next(t) {
            match self.pattern.get(p) {
                Some('*') => {
                    star = Some((p, t));
                    p += 1;
                }
                Some(pc) if *pc == '?' || *pc == tc => {
                    p += 1;
                    t += tc.len_utf8();
                }
                _ => match star {
                    Some((sp, st)) => {
                        let st = st + next(st).map_or(1, char::len_utf8);
                        p = sp + 1;
                        t = st;
                        star = Some((sp, st));
                    }
                    None => return false,
                },
            }
        }
        self.pattern
            .get(p..)
            .is_some_and(|rest| rest.iter().all(|c| *c == '*'))
    }
}

/// True if any glob in the list matches.
pub fn any_matches(globs: &[Glob], text: &str) -> bool {
    globs.iter().any(|g| g.matches(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Glob::new(p).unwrap().matches(t)
    }

    #[test]
    fn literal_star_and_question() {
        assert!(m("a/b", "a/b"));
        assert!(!m("a/b", "a/bc"));
        assert!(m("*", "anything"));
        assert!(m("*", ""));
        assert!(m("*:free", "meta/llama:free"));
        assert!(!m("*:free", "meta/llama:freeze"));
        assert!(m("gpt-?o", "gpt-4o"));
        assert!(!m("gpt-?o", "gpt-o"));
        assert!(m("a*b*c", "axxbyyc"));
        assert!(!m("a*b*c", "axxbyy"));
        assert!(m("**", "x"));
    }

    #[test]
    fn question_mark_is_one_character_not_one_byte() {
        assert!(m("?", "ü"));
        assert!(!m("??", "ü"));
        assert!(m("é?", "éx"));
        assert!(m("*ü", "aüü"));
        assert!(m("*ü*", "xxüyy"));
        assert!(!m("*ü", "aüa"));
    }

    #[test]
    fn empty_pattern_is_refused() {
        assert!(Glob::new("").is_err());
        assert!(Glob::new("  ").is_err());
    }
}
