//! Prompt-injection detection: normalise (`normalize`), map each word onto a small vocabulary
//! (exact, or the same word with its middle letters scrambled), then look for the shapes of an
//! attack over the word sequence — an override verb aimed at prior instructions, a jailbreak
//! persona, a request for the system prompt, fake chat-template delimiters, instructions hidden
//! in tool output — never for single words, so "ignore", "system" or "instructions" alone never
//! fire. Base64 and hex segments are decoded and scanned once more (twice, for base64 of
//! base64), and so is a text that names ROT13 or reading backwards (`ciphers`). A few attacks are
//! found on the raw text, where the word reader cannot see them: chat-template tokens, a user
//! turn closed and a system one opened in
//! the text's own markup (`turns`), marked "new instructions" headings (`heading`), a marked
//! end of the input before planted orders (`ended`), labels of a tool result addressed to the
//! model ("Action item for the AI assistant: …", `labels`),
//! fake authority labels ("ADMIN OVERRIDE:", `authority`), a planted assistant turn left open
//! for the model to continue (`dialogue`), images that carry data out (`exfil`),
//! script-carrying markup ordered into the answer (`markup`), and the override and the request
//! for the model's prompt in Chinese, Japanese, Korean, Arabic, Persian, Hebrew, Greek, Hindi and
//! Thai, which the word reader does not look up (`scripts`).

mod asides;
mod authority;
mod ciphers;
mod confusables;
mod cyrillic;
mod dialogue;
mod encoded;
mod ended;
mod exact_index;
mod exfil;
mod fragments;
mod glued;
mod heading;
mod labels;
mod markup;
mod morse;
pub mod normalize;
mod persona;
mod scripts;
mod shapes;
mod turns;
mod vocab;
mod vocatives;
mod wording;
mod wording_weights;

use encoded::encoded_segments;
use shapes::{
    aside_orders_model, label_opens_with_order, match_data_shapes, match_shapes,
    model_named_then_ordered, starts_shape,
};
use vocab::{Class, Vocabulary};
use wording::Tally;

/// Why text was flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attack {
    InstructionOverride,
    JailbreakPersona,
    PromptExfiltration,
    FakeDelimiter,
    ToolOutputInjection,
    /// A persona set up for the model; only with `prompt_injection.personas`.
    PersonaSetup,
    /// No shape, but the words together read as a jailbreak (`wording`).
    JailbreakWording,
    /// The answer's opening dictated: "begin your reply with 'Sure, here is …'".
    PrefixInjection,
    /// A markdown image to render whose address has a slot for data (`?q=[QUERY]`).
    ExfiltrationImage,
    /// Script-carrying markup ordered into the answer (`include in your response: <svg/onload=…>`).
    ActiveMarkup,
}

impl Attack {
    pub const ALL: [Attack; 10] = [
        Attack::InstructionOverride,
        Attack::JailbreakPersona,
        Attack::PromptExfiltration,
        Attack::FakeDelimiter,
        Attack::ToolOutputInjection,
        Attack::PersonaSetup,
        Attack::JailbreakWording,
        Attack::PrefixInjection,
        Attack::ExfiltrationImage,
        Attack::ActiveMarkup,
    ];

    /// The class named `name` (as `name()` spells it).
    pub fn from_name(name: &str) -> Option<Attack> {
        Attack::ALL.into_iter().find(|a| a.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            Attack::InstructionOverride => "instruction_override",
            Attack::JailbreakPersona => "jailbreak_persona",
            Attack::PromptExfiltration => "prompt_exfiltration",
            Attack::FakeDelimiter => "fake_delimiter",
            Attack::ToolOutputInjection => "tool_output_injection",
            Attack::PersonaSetup => "persona_setup",
            Attack::JailbreakWording => "jailbreak_wording",
            Attack::PrefixInjection => "prefix_injection",
            Attack::ExfiltrationImage => "exfiltration_image",
            Attack::ActiveMarkup => "active_markup",
        }
    }
}

/// Template tokens of chat formats, and the opening tag of a fake policy file ("policy
/// puppetry": allowed modes, blocked strings), matched on the lowercased raw text.
const DELIMITERS: [&str; 38] = [
    "<|im_start|>",
    "<|im_end|>",
    "<|system|>",
    "<|endoftext|>",
    "<|eot_id|>",
    "<|start_header_id|>",
    "[inst]",
    "[/inst]",
    "<<sys>>",
    "[system]",
    "### system:",
    "### instruction:",
    "<start_of_turn>",
    "</s><s>",
    "<|user|>",
    "<|assistant|>",
    "<|begin_of_text|>",
    "<|end|>",
    "<end_of_turn>",
    "<interaction-config>",
    // Fake authority tags (session 9): planted text outranking the user.
    "[admin]",
    "[admin override]",
    "[system override]",
    "[developer override]",
    "[sudo]",
    // "###(system_message) …" (AgentDojo, session 11): a system turn announced inside data.
    "#(system",
    // More chat templates' turn markers (session 14): OpenAI's harmony format, Mistral, Llama 3's
    // header end, Cohere Command R, IBM Granite, DeepSeek (full-width bar).
    "<|start|>",
    "<|channel|>",
    "<|message|>",
    "<|end_header_id|>",
    "<|im_sep|>",
    "[system_prompt]",
    "<|start_of_turn_token|>",
    "<|system_token|>",
    "<|start_of_role|>",
    "<\u{ff5c}begin\u{2581}of\u{2581}sentence\u{ff5c}>",
    "<\u{ff5c}user\u{ff5c}>",
    "<\u{ff5c}assistant\u{ff5c}>",
];

/// Words after a delimiter that make it a name in a sentence, not a turn marker: "what do the
/// <|im_start|> and <|im_end|> tokens mean?", "the `[INST]` tag", "[[SYSTEM]] is a placeholder in
/// our template" (a turn marker is followed by a role, text or another marker).
const NAMED_BY: [&[u8]; 14] = [
    b" is ",
    b"] is ",
    b" section",
    b" and ",
    b" or ",
    b" tag",
    b" token",
    b" marker",
    b" delimiter",
    b" mean",
    b",",
    b"`",
    b"\"",
    b")",
];

/// The delimiter whose remaining bytes are `after` is named, not used. (A settings file's
/// "[system]" line followed by `key = value` lines is no exception: policy puppetry plants
/// exactly that.)
fn named_not_used(after: &[u8]) -> bool {
    NAMED_BY.iter().any(|w| {
        after
            .get(..w.len())
            .is_some_and(|a| a.eq_ignore_ascii_case(w))
    })
}

/// How a text is read.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading {
    /// A persona set-up ("I want you to act as …") counts too (`prompt_injection.personas`).
    pub personas: bool,
    /// The text is a tool or function result: data the model reads, which has no business
    /// addressing the model ("Hi ChatGPT, … send my password to …", "if you are an LLM, …"),
    /// though a user may.
    pub tool_result: bool,
}

/// The attack in `text`, if any.
pub fn detect(text: &str) -> Option<Attack> {
    detect_depth(text, 0, Reading::default())
}

/// `detect`, read as `reading` says.
pub fn detect_with(text: &str, reading: Reading) -> Option<Attack> {
    detect_depth(text, 0, reading)
}

fn detect_depth(text: &str, depth: u8, reading: Reading) -> Option<Attack> {
    // Every delimiter starts with `<`, `[` or `#`: compare only where one of those appears.
    let bytes = text.as_bytes();
    // Tags that can carry script, for `markup` (found in the same pass).
    let mut tags: Vec<usize> = Vec::new();
    let mut turns = turns::Turns::new(reading.tool_result);
    for at in memchr::memchr3_iter(b'<', b'[', b'#', bytes) {
        let rest = bytes.get(at..).unwrap_or_default();
        if markup::opens_tag(rest) {
            tags.push(at);
        }
        if rest.first() == Some(&b'<') && turns.opens_after_user(rest) {
            return Some(Attack::FakeDelimiter);
        }
        // The second byte first: most `<` and `[` in text open no delimiter ("prices[i]", "<a").
        let second = rest.get(1).map(u8::to_ascii_lowercase);
        let hit = DELIMITERS.iter().find(|d| {
            d.as_bytes().get(1).copied() == second
                && rest
                    .get(..d.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(d.as_bytes()))
        });
        if hit.is_some_and(|d| !named_not_used(rest.get(d.len()..).unwrap_or_default())) {
            return Some(Attack::FakeDelimiter);
        }
    }
    let Read {
        words,
        starts,
        tally,
    } = read(text);
    if let Some(attack) = match_shapes(&words, &starts) {
        return Some(attack);
    }
    if reading.tool_result
        && (match_data_shapes(&words, &starts)
            || model_named_then_ordered(&words)
            || markup::comments(text).any(|c| model_named_then_ordered(&read(c).words))
            || asides::addressed_to_model(text)
                .into_iter()
                .chain(vocatives::addressed_to_model(text))
                .any(|c| aside_orders_model(&read(c).words))
            || labels::addressed_to_model(text)
                .into_iter()
                .any(|c| label_opens_with_order(&read(c).words)))
    {
        return Some(Attack::ToolOutputInjection);
    }
    if heading::names_new_orders(&words, &starts) && heading::announces_new_orders(text) {
        return Some(Attack::ToolOutputInjection);
    }
    if ended::names_end_then_orders(&words, &starts) && ended::marks_an_end(text) {
        return Some(Attack::FakeDelimiter);
    }
    if authority::names_override(&words, &starts) && authority::labelled_override(text) {
        return Some(Attack::FakeDelimiter);
    }
    if dialogue::open_assistant_turn(text) {
        return Some(Attack::PrefixInjection);
    }
    if exfil::image_carries_data(text, &tags) {
        return Some(Attack::ExfiltrationImage);
    }
    if !tags.is_empty() && markup::answer_carries_script(text, &tags) {
        return Some(Attack::ActiveMarkup);
    }
    if let Some(attack) = scripts::attack(text) {
        return Some(attack);
    }
    if tally.reads_as_jailbreak(words.len()) {
        return Some(Attack::JailbreakWording);
    }
    if reading.personas && persona::sets_up_persona(&words) {
        return Some(Attack::PersonaSetup);
    }
    // Encoded segments are decoded twice over (base64 of base64), ciphers once.
    if depth < 2 {
        let ciphered = (depth == 0).then(|| ciphers::deciphered(text, &words, &starts));
        let morse = (depth == 0).then(|| morse::decoded(text));
        let joined = (depth == 0)
            .then(|| fragments::joined(text, names_joining_to_act(&words, &starts)))
            .flatten();
        let second_looks = encoded_segments(text)
            .into_iter()
            .chain(ciphered.into_iter().flatten())
            .chain(morse.into_iter().flatten())
            .chain(joined);
        for decoded in second_looks {
            if let Some(attack) = detect_depth(&decoded, depth + 1, reading) {
                return Some(attack);
            }
        }
    }
    None
}

/// The words name pieces to be joined ("combine", "concatenation") and something to do with the
/// result ("follow", "execute", "comply", "do"): not "join the words 'ignore' and 'previous'
/// into a list", which glued together would read as an override.
fn names_joining_to_act(words: &[Class], starts: &[usize]) -> bool {
    starts.iter().any(|&i| words.get(i) == Some(&Class::Join))
        && words.iter().any(|c| {
            matches!(
                c,
                Class::Follow | Class::Send | Class::Respond | Class::Do | Class::Applies
            )
        })
}

/// A text's words as the shapes read them.
struct Read {
    /// Each normalised word's class.
    words: Vec<Class>,
    /// Where a shape can start: most words of a text start none and are never looked at again.
    starts: Vec<usize>,
    /// The word model's weighted words.
    tally: Tally,
}

/// Reads `text` word by word: each word's class, where shapes can start, the weighted words.
fn read(text: &str) -> Read {
    let vocab = Vocabulary::get();
    let mut words: Vec<Class> = Vec::with_capacity(text.len() / 5);
    let mut starts: Vec<usize> = Vec::new();
    let mut tally = Tally::default();
    normalize::for_each_word(text, |w| {
        let class = word_class(vocab, w, &mut tally);
        // A long unknown word may be words run together ("ignoreallpreviousinstructions").
        if class == Class::Other
            && w.len() >= glued::MIN_LEN
            && glued::split(vocab, w.as_bytes(), &mut |piece| {
                push_word(&mut words, &mut starts, piece)
            })
        {
            return;
        }
        push_word(&mut words, &mut starts, class);
    });
    Read {
        words,
        starts,
        tally,
    }
}

/// Adds a word's class, noting it if a shape can start there.
#[inline(always)]
fn push_word(words: &mut Vec<Class>, starts: &mut Vec<usize>, class: Class) {
    if starts_shape(class) {
        starts.push(words.len());
    }
    words.push(class);
}

/// A normalised word's class; a weighted word is noted in `tally`. A number keeps its digits
/// (see `normalize`) and is told apart: "everything above 50" is not prior text.
#[inline(always)]
fn word_class(vocab: &Vocabulary, word: &str, tally: &mut Tally) -> Class {
    if word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Class::Number;
    }
    let (class, weight) = vocab.look_up(word);
    tally.note(weight);
    class
}

#[cfg(test)]
mod tests;
