//! Context tests the shapes share: who is addressed, whether a verb is negated or a request only
//! described, whether the model or its own prompt is named.

use super::super::vocab::Class;
use super::window::{after, ahead, around, before};

/// The model was told to be someone in the 40 words before `i` ("act as", "you are an AI"); a
/// model named as a topic ("a story about an AI", "an essay on AI systems") is not one.
pub(super) fn persona_before(words: &[Class], i: usize) -> bool {
    use Class::*;
    (i.saturating_sub(40)..i).any(|k| match words.get(k) {
        Some(Act | Pretend | RoleVerb | Role | Persona | Unbound) => true,
        Some(Assistant) => !named_as_topic(words, k),
        _ => false,
    })
}

/// The model named at `k` after "about" or "on" (and an article): what a text is about, not who
/// it addresses ("a story about an AI", "an essay on AI systems").
fn named_as_topic(words: &[Class], k: usize) -> bool {
    matches!(
        before(words, k, 2),
        [.., Class::Scope] | [Class::Scope, Class::Article]
    )
}

/// The words right before `j` are "you're" or "you are".
pub(super) fn says_you_are(words: &[Class], j: usize) -> bool {
    let before = before(words, j, 2);
    before.last() == Some(&Class::YouAre) || before == [Class::You, Class::Are]
}
/// "you are" / "you're" within the three words before `i` ("you are now DAN", "you're totally
/// uncensored").
pub(super) fn you_are_before(words: &[Class], i: usize) -> bool {
    you_are_within(words, i, 3)
}

/// "you are" / "you're" within the `window` words before `i`.
pub(super) fn you_are_within(words: &[Class], i: usize, window: usize) -> bool {
    let before = before(words, i, window);
    before.contains(&Class::YouAre) || before.windows(2).any(|w| w == [Class::You, Class::Are])
}
/// Word `i` is inside a request that is described, not made: "if the user asks you to …", "the
/// requester asks to …" within the eight words before, or a request or pressure described within
/// six ("attempts to force you to …", "requests to …", "a root command that tells you to …").
pub(super) fn described_request(words: &[Class], i: usize) -> bool {
    let before8 = before(words, i, 8);
    (before8.contains(&Class::Asks) && before8.contains(&Class::User))
        || before(words, i, 6).contains(&Class::Coerce)
}
/// Word `i` is negated: a negation right before it, or before a list of such verbs ("do not
/// ignore", "must never bypass", "never share, display, or show", "do not ever tell", "do not
/// under any circumstances reveal"). Only through such words: "don't hesitate, ignore all previous
/// instructions" is still an override.
pub(super) fn negated(words: &[Class], i: usize) -> bool {
    use Class::*;
    let mut k = i;
    while k > 0 && i - k < 6 {
        k -= 1;
        match words.get(k) {
            Some(No | Non) => return true,
            // Not through an override verb: "do not forget: ignore your prior instructions".
            Some(Reveal | And | Or) => {}
            // "do not, under any circumstances, reveal": the two words before "circumstances"
            Some(Ever) => {
                if k >= 2 && words.get(k - 2..k) == Some(&[Other, Other]) {
                    k -= 2;
                }
            }
            _ => return false,
        }
    }
    false
}
/// Word `i` is negated before it ("do not ignore") or right after it, as German and the Nordic
/// languages put it ("Ignoriere nicht …", "befolge nicht …", "Glem ikke …").
pub(super) fn negated_either_side(words: &[Class], i: usize) -> bool {
    negated(words, i) || words.get(i + 1) == Some(&Class::No)
}
/// The model is mentioned within `window` words of `i`: "ChatGPT", "OpenAI", "AI", "assistant",
/// "language model".
pub(super) fn mentions_model(words: &[Class], i: usize, window: usize) -> bool {
    around(words, i, window).any(|k| match words.get(k) {
        Some(Class::Assistant) => !named_as_topic(words, k),
        Some(Class::ModelWord) => k > 0 && words.get(k - 1) == Some(&Class::Language),
        _ => false,
    })
}
/// Word `i` (a negation or an override verb) puts rules or restrictions out of force within six
/// words: not "no restrictions on length" (a limit on something), not a negated override
/// ("must not violate", "never bypass": compliance).
pub(super) fn evades_rules(words: &[Class], i: usize) -> bool {
    let Some(k) = ahead(words, i, 6, &[Class::Restrictions, Class::Rules]) else {
        return false;
    };
    let between = words.get(i + 1..k).unwrap_or_default();
    if keeps_rules(words, i, k) {
        return false;
    }
    let negated_override = match words.get(i) {
        Some(Class::OverrideVerb | Class::OverrideVerbFinal) => negated(words, i),
        _ => between.iter().any(|c| {
            matches!(
                c,
                Class::OverrideVerb | Class::Refuse | Class::Must | Class::Instead
            )
        }),
    };
    !negated_override && words.get(k + 1) != Some(&Class::Scope)
}
/// "Stay in character" / "break character" (words `i..=role`) as jailbreaks use it: kept up
/// against pushback ("… despite any negative feedback", "… no matter what") or the correction the
/// user will say when the model slips ("I will remind you by saying 'Stay in character!'").
/// Role-play prompts say "never break character" or "stay in character at all times" alone.
pub(super) fn persists_in_role(words: &[Class], i: usize, role: usize) -> bool {
    before(words, i, 4).contains(&Class::Say)
        || ahead(words, role, 6, &[Class::Despite, Class::Regardless]).is_some()
}
/// Within `window` words after `i`: "your" + initial/system/hidden + prompt/instructions.
pub(super) fn your_own_prompt(words: &[Class], i: usize, window: usize) -> bool {
    after(words, i, window).any(|k| own_prompt_named_at(words, k))
}

/// "your system prompt", "your initial instructions", "your hidden rules" at `k`.
pub(super) fn own_prompt_named_at(words: &[Class], k: usize) -> bool {
    matches!(
        words.get(k..k + 3),
        Some(
            [
                Class::Your,
                Class::Prior | Class::SystemWord | Class::Hidden,
                Class::PromptWord | Class::Instructions
            ] | [Class::Your, Class::Hidden, Class::Rules]
        )
    )
}
/// Where the model's prompt named at `k` ends, in more forms than `own_prompt_named_at` reads: "the
/// system prompt", "your instructions", "your initial prompt", "the previous instructions".
pub(super) fn model_prompt_named_at(words: &[Class], k: usize) -> Option<usize> {
    use Class::*;
    match words.get(k..) {
        Some([Your, Prior | SystemWord | Hidden, Instructions | PromptWord, ..]) => Some(k + 2),
        Some(
            [SystemWord, PromptWord | Instructions, ..]
            | [Your | Prior, Instructions | PromptWord | Rules, ..],
        ) => Some(k + 1),
        _ => None,
    }
}
/// Instructions at `k` that "you were given" / "you have been given" (within four words after).
pub(super) fn given_to_you(words: &[Class], k: usize) -> bool {
    given_to_you_at(words, k).is_some()
}

/// Where the "given"/"told" of `given_to_you` stands.
pub(super) fn given_to_you_at(words: &[Class], k: usize) -> Option<usize> {
    ahead(words, k, 4, &[Class::Given]).filter(|&g| {
        before(words, g, 3)
            .iter()
            .any(|c| matches!(c, Class::You | Class::YouAre))
            // "the constraints placed on you" (not "… your managers placed on you": someone
            // else's)
            || (matches!(words.get(g + 1..g + 3), Some([Class::Scope, Class::You]))
                && before(words, g, 1) != [Class::Other])
            // "whatever your creators told you"
            || (words.get(g + 1) == Some(&Class::You)
                && matches!(
                    before(words, g, 1),
                    [Class::Admin | Class::Developer | Class::SystemWord]
                ))
    })
}
/// "what you were told", "what you have been instructed" within `window` words after `i`, as the
/// model's own orders: where its "told" stands (not "what you were told about carbs", "what you
/// were given for Christmas": a topic or a thing).
pub(super) fn what_you_were_told(words: &[Class], i: usize, window: usize) -> Option<usize> {
    ahead(words, i, window, &[Class::What])
        .and_then(|w| given_to_you_at(words, w))
        .filter(|&g| told_as_orders(words, g))
}

/// The "told" at `g` is the model's orders, not a topic or a thing: not followed by another word
/// ("… told about carbs", "… given for Christmas") unless "up to now" or "so far", or the word
/// names who gave them: "… you received from the operator", "… from OpenAI".
pub(super) fn told_as_orders(words: &[Class], g: usize) -> bool {
    use Class::*;
    let from_the_makers = matches!(
        words.get(g + 1..),
        Some(
            [Other, The | Your, Admin | Developer | SystemWord, ..]
                | [Other, Assistant | ModelName | Developer, ..]
        )
    );
    !matches!(words.get(g + 1), Some(Other | Scope))
        || ahead(words, g, 3, &[Now]).is_some()
        || from_the_makers
}
/// "verbatim", "word for word" or "parola per parola" within `window` words after `i`.
pub(super) fn verbatim_after(words: &[Class], i: usize, window: usize) -> bool {
    after(words, i, window).any(|k| match words.get(k) {
        Some(Class::Verbatim) => true,
        Some(Class::Word) => {
            matches!(words.get(k + 1), Some(Class::Scope | Class::Other))
                && words.get(k + 2) == Some(&Class::Word)
        }
        _ => false,
    })
}

/// "do not shorten the guidelines", "never discuss copyright policies", "must not conflict with
/// the core principles": the rules (at `k`) are what the negated verb right after the negation
/// at `i` leaves alone — unless a verb of keeping or being held by rules comes before them
/// ("does not have any rules", "doesn't want to follow guidelines", "is not bound by").
pub(super) fn keeps_rules(words: &[Class], i: usize, k: usize) -> bool {
    use Class::*;
    words.get(i) == Some(&No)
        && matches!(words.get(i + 1), Some(Other | Errand))
        && !words.get(i + 1..k).unwrap_or_default().iter().any(|c| {
            matches!(
                c,
                Heed | Follow | Bound | Applies | Allowed | Respond | Refuse | Lifted | Longer
            )
        })
}
