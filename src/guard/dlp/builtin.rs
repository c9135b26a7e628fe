//! The built-in detectors: hand-written scanners over bytes, each started only where its trigger
//! appears (`@` for e-mail, a digit at a word start for numbers, literal prefixes for tokens), then
//! confirmed by a validator, so a version string or an order number is not called a card.

use super::swar;
use super::validate::{card_brand, entropy, iban, luhn, ssn};
use anchors::for_each_anchor;
use assign::assignments;
use memchr::memmem;
use std::ops::Range;
use std::sync::LazyLock;

mod anchors;
mod assign;
mod context;
mod service;

/// Every built-in detector. The config names them by `name()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Builtin {
    Email,
    Phone,
    UsSsn,
    CreditCard,
    IpAddress,
    Iban,
    AwsAccessKey,
    AwsSecretKey,
    GcpServiceAccountKey,
    GoogleApiKey,
    GithubToken,
    GitlabToken,
    SlackToken,
    StripeKey,
    OpenaiKey,
    AnthropicKey,
    OpenrouterKey,
    HuggingfaceToken,
    GroqKey,
    XaiKey,
    PerplexityKey,
    ReplicateToken,
    PrivateKey,
    Jwt,
    ServiceToken,
    GenericSecret,
}

impl Builtin {
    pub const ALL: [Builtin; 26] = [
        Builtin::Email,
        Builtin::Phone,
        Builtin::UsSsn,
        Builtin::CreditCard,
        Builtin::IpAddress,
        Builtin::Iban,
        Builtin::AwsAccessKey,
        Builtin::AwsSecretKey,
        Builtin::GcpServiceAccountKey,
        Builtin::GoogleApiKey,
        Builtin::GithubToken,
        Builtin::GitlabToken,
        Builtin::SlackToken,
        Builtin::StripeKey,
        Builtin::OpenaiKey,
        Builtin::AnthropicKey,
        Builtin::OpenrouterKey,
        Builtin::HuggingfaceToken,
        Builtin::GroqKey,
        Builtin::XaiKey,
        Builtin::PerplexityKey,
        Builtin::ReplicateToken,
        Builtin::PrivateKey,
        Builtin::Jwt,
        Builtin::ServiceToken,
        Builtin::GenericSecret,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Email => "email",
            Builtin::Phone => "phone",
            Builtin::UsSsn => "us_ssn",
            Builtin::CreditCard => "credit_card",
            Builtin::IpAddress => "ip_address",
            Builtin::Iban => "iban",
            Builtin::AwsAccessKey => "aws_access_key",
            Builtin::AwsSecretKey => "aws_secret_key",
            Builtin::GcpServiceAccountKey => "gcp_service_account_key",
            Builtin::GoogleApiKey => "google_api_key",
            Builtin::GithubToken => "github_token",
            Builtin::GitlabToken => "gitlab_token",
            Builtin::SlackToken => "slack_token",
            Builtin::StripeKey => "stripe_key",
            Builtin::OpenaiKey => "openai_key",
            Builtin::AnthropicKey => "anthropic_key",
            Builtin::OpenrouterKey => "openrouter_key",
            Builtin::HuggingfaceToken => "huggingface_token",
            Builtin::GroqKey => "groq_key",
            Builtin::XaiKey => "xai_key",
            Builtin::PerplexityKey => "perplexity_key",
            Builtin::ReplicateToken => "replicate_token",
            Builtin::PrivateKey => "private_key",
            Builtin::Jwt => "jwt",
            Builtin::ServiceToken => "service_token",
            Builtin::GenericSecret => "generic_secret",
        }
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.name() == name)
    }

    /// What a redacted match becomes.
    pub fn label(self) -> &'static str {
        match self {
            Builtin::Email => "[EMAIL]",
            Builtin::Phone => "[PHONE]",
            Builtin::UsSsn => "[US_SSN]",
            Builtin::CreditCard => "[CREDIT_CARD]",
            Builtin::IpAddress => "[IP_ADDRESS]",
            Builtin::Iban => "[IBAN]",
            Builtin::AwsAccessKey => "[AWS_ACCESS_KEY]",
            Builtin::AwsSecretKey => "[AWS_SECRET_KEY]",
            Builtin::GcpServiceAccountKey => "[GCP_SERVICE_ACCOUNT_KEY]",
            Builtin::GoogleApiKey => "[GOOGLE_API_KEY]",
            Builtin::GithubToken => "[GITHUB_TOKEN]",
            Builtin::GitlabToken => "[GITLAB_TOKEN]",
            Builtin::SlackToken => "[SLACK_TOKEN]",
            Builtin::StripeKey => "[STRIPE_KEY]",
            Builtin::OpenaiKey => "[OPENAI_KEY]",
            Builtin::AnthropicKey => "[ANTHROPIC_KEY]",
            Builtin::OpenrouterKey => "[OPENROUTER_KEY]",
            Builtin::HuggingfaceToken => "[HUGGINGFACE_TOKEN]",
            Builtin::GroqKey => "[GROQ_KEY]",
            Builtin::XaiKey => "[XAI_KEY]",
            Builtin::PerplexityKey => "[PERPLEXITY_KEY]",
            Builtin::ReplicateToken => "[REPLICATE_TOKEN]",
            Builtin::PrivateKey => "[PRIVATE_KEY]",
            Builtin::Jwt => "[JWT]",
            Builtin::ServiceToken => "[SERVICE_TOKEN]",
            Builtin::GenericSecret => "[SECRET]",
        }
    }
}

/// One match: which detector and where (byte offsets into the scanned text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub detector: Builtin,
    pub range: Range<usize>,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn at(t: &[u8], i: usize) -> u8 {
    t.get(i).copied().unwrap_or(0)
}

/// Scans `text` with the detectors `enabled` says yes to; hits are sorted by start.
pub fn scan(text: &str, enabled: &dyn Fn(Builtin) -> bool, hits: &mut Vec<Hit>) {
    let t = text.as_bytes();
    let mut push = |detector: Builtin, range: Range<usize>| {
        if enabled(detector) {
            hits.push(Hit { detector, range });
        }
    };
    if enabled(Builtin::Email) {
        emails(t, &mut push);
    }
    if [
        Builtin::Phone,
        Builtin::UsSsn,
        Builtin::CreditCard,
        Builtin::IpAddress,
    ]
    .into_iter()
    .any(enabled)
    {
        numbers(t, &mut push);
    }
    if enabled(Builtin::IpAddress) {
        ipv6(text, &mut push);
    }
    if enabled(Builtin::Iban) {
        ibans(t, &mut push);
    }
    tokens(t, enabled, &mut push);
    hits.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
}

fn emails(t: &[u8], push: &mut dyn FnMut(Builtin, Range<usize>)) {
    // Non-ASCII bytes too: internationalised local parts (RFC 6531); the scan back always stops
    // after an ASCII byte, so the start stays on a character boundary.
    let local = |b: u8| {
        b.is_ascii_alphanumeric() || b >= 0x80 || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
    };
    for at_sign in memchr::memchr_iter(b'@', t) {
        let mut start = at_sign;
        while start > 0 && local(at(t, start - 1)) {
            start -= 1;
        }
        while at(t, start) == b'.' {
            start += 1;
        }
        if start == at_sign {
            continue;
        }
        // An ASCII host first (`a@b.com谢谢` ends at `com`), else an internationalised one
        // (`müller@bücher.de`, `почта@пример.рф`; RFC 6531).
        let end = email_host_end(t, at_sign, false).or_else(|| email_host_end(t, at_sign, true));
        if let Some(end) = end {
            push(Builtin::Email, start..end);
        }
    }
}

/// Where the e-mail host after `at_sign` ends, if it is one: dotted labels ending in a top-level
/// domain of two or more letters (ASCII, or with `unicode` wholly non-ASCII: `.рф`, `.中国`).
/// The scan stops at an ASCII byte, so the end stays on a character boundary.
fn email_host_end(t: &[u8], at_sign: usize, unicode: bool) -> Option<usize> {
    let domain =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.') || (unicode && b >= 0x80);
    let mut end = at_sign + 1;
    while domain(at(t, end)) {
        end += 1;
    }
    while end > at_sign + 1 && matches!(at(t, end - 1), b'.' | b'-') {
        end -= 1;
    }
    let host = t.get(at_sign + 1..end)?;
    let dot = host.iter().rposition(|b| *b == b'.')?;
    let tld = host.get(dot + 1..).unwrap_or_default();
    let letters = tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic);
    let international = unicode && tld.len() >= 4 && tld.iter().all(|b| *b >= 0x80);
    (dot > 0 && (letters || international)).then_some(end)
}

/// Digit runs starting at a word boundary: cards, SSNs, phone numbers and IPv4 addresses.
fn numbers(t: &[u8], push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let mut from = 0;
    while let Some(i) = swar::find(t, from, number_start) {
        let starts =
            i == 0 || !(is_word(at(t, i - 1)) || matches!(at(t, i - 1), b'.' | b'-' | b'/'));
        from = if starts {
            number_at(t, i, push).max(i + 1)
        } else {
            i + 1
        };
    }
}

/// Bytes a number can start with: a digit, `+` or `(`.
fn number_start(w: u64) -> u64 {
    swar::digits(w) | swar::equal(w, b'+') | swar::equal(w, b'(')
}

/// A fixed-capacity list on the stack; pushes beyond `N` are dropped (callers bound them).
#[derive(Clone, Copy)]
struct Small<T: Copy + Default, const N: usize> {
    items: [T; N],
    len: usize,
}

impl<T: Copy + Default, const N: usize> Default for Small<T, N> {
    fn default() -> Self {
        Small {
            items: [T::default(); N],
            len: 0,
        }
    }
}

impl<T: Copy + Default, const N: usize> Small<T, N> {
    fn push(&mut self, v: T) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = v;
            self.len += 1;
        }
    }
}

impl<T: Copy + Default, const N: usize> std::ops::Deref for Small<T, N> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        self.items.get(..self.len).unwrap_or_default()
    }
}

/// Reads the number-like run at `start`, reports what it is, returns where it ended.
fn number_at(t: &[u8], start: usize, push: &mut dyn FnMut(Builtin, Range<usize>)) -> usize {
    // The run: digits and single separators between digits (on the stack: this runs at every
    // number in the text).
    let mut digits = Small::<u8, 24>::default();
    // Digits per group (at most 20 digits are read).
    let mut groups = Small::<u8, 12>::default();
    let mut seps = Small::<u8, 12>::default();
    // `(` opens an area code only as `(ddd)` or, with a trunk 0, `(0d)` to `(0dddd)`; otherwise
    // it is punctuation before the number: "(078-05-1120)", "(4111 1111 1111 1111)".
    let opens = at(t, start) == b'(';
    let area_code = opens && {
        let inside = (1..=5)
            .take_while(|&k| at(t, start + k).is_ascii_digit())
            .count();
        let area_digits = if at(t, start + 1) == b'0' {
            2..=5
        } else {
            3..=3
        };
        area_digits.contains(&inside) && at(t, start + inside + 1) == b')'
    };
    if opens && !area_code {
        return number_at(t, start + 1, push);
    }
    let mut i = start;
    let plus = at(t, i) == b'+';
    let paren = area_code;
    if plus || paren {
        i += 1;
    }
    let mut group = 0u8;
    let mut end = i;
    loop {
        let b = at(t, i);
        if b.is_ascii_digit() {
            if digits.len() >= 20 {
                break;
            }
            digits.push(b);
            group += 1;
            i += 1;
            end = i;
        } else if let Some(skip) = (plus && groups.is_empty() && group > 0)
            .then(|| trunk_zero(t, i))
            .flatten()
        {
            // `+44 (0)20 7946 0958`, `+49(0)30 1234567`: the national trunk 0 after the
            // country code, written in parentheses; not dialled, so not counted.
            groups.push(group);
            seps.push(b' ');
            group = 0;
            i += skip;
        } else if matches!(b, b' ' | b'-' | b'.' | b')') && group > 0 {
            // A closing parenthesis may be followed by a space, dash or dot: `(415) 555-0100`,
            // `(07).8064.5622`.
            let skip = if b == b')' && matches!(at(t, i + 1), b' ' | b'-' | b'.') {
                2
            } else {
                1
            };
            if !at(t, i + skip).is_ascii_digit() || digits.len() > 19 || groups.len() >= 11 {
                break;
            }
            groups.push(group);
            seps.push(b);
            group = 0;
            i += skip;
        } else {
            break;
        }
    }
    if group > 0 {
        groups.push(group);
    }
    // Glued to a word (`abc123`, `123abc`) or to more structure: not a standalone number;
    // a phone extension (`555-0132x123`) is checked with the phone shapes.
    let next = at(t, end);
    if (is_word(next) && extension_end(t, end).is_none())
        || (matches!(next, b'.' | b'-') && at(t, end + 1).is_ascii_digit())
    {
        return end;
    }
    // Followed right away by an extension: only a phone number can be.
    let glued_extension = is_word(next);
    let n = digits.len();
    let all_dots = !seps.is_empty() && seps.iter().all(|s| *s == b'.');
    let same_seps = seps.windows(2).all(|w| w.first() == w.get(1));
    if !plus && !paren && all_dots && groups.len() == 4 {
        let version = start > 0 && matches!(at(t, start - 1), b'v' | b'V');
        let octets_ok = groups.iter().all(|g| *g <= 3) && {
            let mut ok = true;
            let mut k = 0;
            for g in groups.iter().map(|g| usize::from(*g)) {
                let octet = digits
                    .get(k..k + g)
                    .unwrap_or_default()
                    .iter()
                    .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'));
                ok &= octet <= 255;
                k += g;
            }
            ok
        };
        if octets_ok && !version && !glued_extension && !preceded_by_word(t, start, b"version") {
            push(Builtin::IpAddress, start..end);
        }
        return end;
    }
    if !plus
        && !paren
        && (12..=19).contains(&n)
        && !glued_extension
        && same_seps
        && !all_dots
        && luhn(&digits)
        && card_brand(&digits).is_some()
    {
        push(Builtin::CreditCard, start..end);
        return end;
    }
    if !plus
        && !paren
        && !glued_extension
        && *groups == [3, 2, 4]
        && same_seps
        && matches!(seps.first(), Some(b'-' | b' ' | b'.'))
    {
        if is_ssn(&digits) {
            push(Builtin::UsSsn, start..end);
        }
        return end;
    }
    // Nine digits in one run after "SSN" / "social security": `SSN 078051120`.
    if n == 9
        && groups.len() == 1
        && !plus
        && !paren
        && !glued_extension
        && is_ssn(&digits)
        && context::says(t, start, &context::SSN_WORDS)
    {
        push(Builtin::UsSsn, start..end);
        return end;
    }
    // A local number of seven digits, 3-4 or 3-2-2, right after a phone word: "Call me on
    // 555-0132", "Tel: 521 2345", "Tel. 234 56 78" (alone it is as often a code or an amount).
    if n == 7
        && (*groups == [3, 4] || *groups == [3, 2, 2])
        && !plus
        && !paren
        && !glued_extension
        && matches!(seps.first(), Some(b'-' | b' ' | b'.'))
        && context::says(t, start, &context::PHONE_WORDS)
    {
        let end = extension_end(t, end).unwrap_or(end);
        push(Builtin::Phone, start..end);
        return end;
    }
    // Every other phone shape has 8 digits or more; most numbers in a text have fewer.
    if n < 8 {
        return end;
    }
    // `00` instead of `+` (the international prefix dialled from most countries): `0044 20 7946
    // 0958`, `001-415-555-0132`.
    let double_zero = !plus
        && !paren
        && digits.starts_with(b"00")
        && digits.get(2).is_some_and(|d| *d != b'0')
        && groups.first().is_some_and(|g| (3..=5).contains(g))
        && !continues_code(t, start);
    let phone = if plus || double_zero {
        let n = if double_zero { n - 2 } else { n };
        let country = groups
            .first()
            .map_or(0, |g| if double_zero { g - 2 } else { *g });
        (8..=15).contains(&n) && groups.len() >= 2 && country <= 3 || plus && (10..=15).contains(&n)
    } else if paren && digits.first() == Some(&b'0') {
        // `(0191) 496 0915`, `(06882) 81232`: a national area code with its trunk 0.
        (9..=11).contains(&n) && groups.len() >= 2
    } else if paren {
        n == 10 && groups.first() == Some(&3) && at(t, start + 4) == b')'
    } else if digits.first() == Some(&b'0') {
        // National numbers with their trunk 0, in groups: `0121 496 0725`, `02 69 00 56 79`,
        // `090-7888-4495`, `0468 067 845` (not one run of digits: an id as often as a phone).
        (10..=11).contains(&n)
            && (2..=5).contains(&groups.len())
            && groups.iter().all(|g| *g >= 2)
            && same_seps
            && digits.get(1).is_some_and(|d| *d != b'0')
            && !continues_code(t, start)
    } else {
        // North American: 3-3-4 with one kind of separator (dots too: `415.555.0132`), area
        // code not starting 0/1.
        n == 10 && *groups == [3, 3, 4] && same_seps && digits.first().is_some_and(|d| *d >= b'2')
            || n == 11 && *groups == [1, 3, 3, 4] && digits.first() == Some(&b'1') && same_seps
            || area_then_dashed_pair(&groups, &seps, &digits)
    };
    // Any other number of 8 to 13 digits (not a date: 8 digits as 4-2-2 or 2-2-4) counts when a
    // phone word comes right before it: "Call me on 3842297076", "Tel: 47-6797-4077",
    // "Tel: 02 123 456".
    let date = n == 8 && (*groups == [4, 2, 2] || *groups == [2, 2, 4]);
    let said = !phone
        && !glued_extension
        && !date
        && (8..=13).contains(&n)
        && context::says(t, start, &context::PHONE_WORDS);
    if phone || said {
        let end = extension_end(t, end).unwrap_or(end);
        push(Builtin::Phone, start..end);
        return end;
    }
    end
}

/// A two-digit area code, then four (or five) and four digits joined by a dash: Brazil's `85
/// 0818-3179` / `11 98765-4321` and Japan's `54-4468-3830` as written without the trunk 0. A
/// year range after a number (`12 2020-2021`) is not one.
fn area_then_dashed_pair(groups: &[u8], seps: &[u8], digits: &[u8]) -> bool {
    let shape = matches!(groups, [2, 4, 4] | [2, 5, 4])
        && matches!(seps, [b' ' | b'-', b'-'])
        && (groups == [2, 4, 4] || seps.first() == Some(&b' '));
    let year = |at: usize| matches!(digits.get(at..at + 2), Some(b"19" | b"20"));
    shape && !(year(2) && year(6))
}

/// Nine digits that form a valid SSN (area, group, serial).
fn is_ssn(digits: &[u8]) -> bool {
    let num = |r: Range<usize>| {
        digits
            .get(r)
            .unwrap_or_default()
            .iter()
            .fold(0u32, |a, d| a * 10 + u32::from(d - b'0'))
    };
    ssn(num(0..3), num(3..5), num(5..9))
}

/// The number at `start` continues a code written in groups that begins with two capitals and
/// two digits, as IBANs do (`NL91 ABNA 0417 1643 01`, one with a bad checksum included): its
/// tail is not a phone number.
fn continues_code(t: &[u8], start: usize) -> bool {
    let mut k = start;
    for _ in 0..8 {
        if k < 2 || at(t, k - 1) != b' ' {
            return false;
        }
        let end = k - 1;
        let mut s = end;
        while s > 0 && end - s < 4 && at(t, s - 1).is_ascii_alphanumeric() {
            s -= 1;
        }
        let group = t.get(s..end).unwrap_or_default();
        if group.is_empty()
            || (s > 0 && is_word(at(t, s - 1)))
            || !group
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            return false;
        }
        if let [a, b, c, d] = group {
            if a.is_ascii_uppercase()
                && b.is_ascii_uppercase()
                && c.is_ascii_digit()
                && d.is_ascii_digit()
            {
                return true;
            }
        }
        k = s;
    }
    false
}

/// `(0)` or ` (0)` at `i`, with an optional space after it, then a digit: the bytes to skip.
fn trunk_zero(t: &[u8], i: usize) -> Option<usize> {
    let space = usize::from(at(t, i) == b' ');
    let marked =
        at(t, i + space) == b'(' && at(t, i + space + 1) == b'0' && at(t, i + space + 2) == b')';
    if !marked {
        return None;
    }
    let skip = space + 3;
    let skip = skip + usize::from(at(t, i + skip) == b' ');
    at(t, i + skip).is_ascii_digit().then_some(skip)
}

/// Where a phone extension right after a number ends: `x123`, ` x123`, ` ext. 123`, ` ext 123`
/// (1-6 digits, then not a word). Asked for numbers glued to a letter and for phone numbers only.
fn extension_end(t: &[u8], end: usize) -> Option<usize> {
    let space = usize::from(at(t, end) == b' ');
    let marker = end + space;
    let from = match at(t, marker).to_ascii_lowercase() {
        b'x' => marker + 1,
        b'e' if t
            .get(marker..marker + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"ext")) =>
        {
            let dot = usize::from(at(t, marker + 3) == b'.');
            marker + 3 + dot + usize::from(at(t, marker + 3 + dot) == b' ')
        }
        _ => return None,
    };
    let digits = t
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    ((1..=6).contains(&digits) && !is_word(at(t, from + digits))).then_some(from + digits)
}

fn preceded_by_word(t: &[u8], start: usize, word: &[u8]) -> bool {
    let before = t.get(..start).unwrap_or_default();
    let trimmed = before.trim_ascii_end();
    trimmed.len() >= word.len()
        && trimmed
            .get(trimmed.len() - word.len()..)
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
}

fn ipv6(text: &str, push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let t = text.as_bytes();
    let hexish = |b: u8| b.is_ascii_hexdigit() || b == b':' || b == b'.';
    let mut i = 0;
    while let Some(colon) = memchr::memchr(b':', t.get(i..).unwrap_or_default()) {
        let c = i + colon;
        let mut start = c;
        while start > 0 && hexish(at(t, start - 1)) {
            start -= 1;
        }
        let mut end = c;
        while hexish(at(t, end)) {
            end += 1;
        }
        i = end.max(c + 1);
        let bounded = (start == 0 || !is_word(at(t, start - 1))) && !is_word(at(t, end));
        // Sentence punctuation is not part of the address: "… 2001:db8::1." or "at ::1: …".
        while matches!(at(t, start), b'.') && start < end {
            start += 1;
        }
        let parses = |end: usize| {
            let candidate = text.get(start..end).unwrap_or_default();
            candidate.bytes().filter(|b| *b == b':').count() >= 2
                && candidate.len() >= 3
                && candidate.parse::<std::net::Ipv6Addr>().is_ok()
        };
        let mut last = end;
        while !parses(last) && last > start && matches!(at(t, last - 1), b'.' | b':') {
            last -= 1;
        }
        if bounded && parses(last) {
            push(Builtin::IpAddress, start..last);
        }
    }
}

fn ibans(t: &[u8], push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let mut i = 0;
    while i + 4 <= t.len() {
        // A start is a capital: skip to the next one.
        match swar::find(t, i, swar::capitals) {
            Some(capital) => i = capital,
            None => break,
        }
        let starts = at(t, i).is_ascii_uppercase()
            && at(t, i + 1).is_ascii_uppercase()
            && at(t, i + 2).is_ascii_digit()
            && at(t, i + 3).is_ascii_digit()
            && (i == 0 || !is_word(at(t, i - 1)));
        if !starts {
            i += 1;
            continue;
        }
        let mut compact = Vec::with_capacity(34);
        let mut j = i;
        let mut end = i;
        while compact.len() < 34 {
            let b = at(t, j);
            if b.is_ascii_alphanumeric() {
                compact.push(b.to_ascii_uppercase());
                j += 1;
                end = j;
            } else if b == b' ' && at(t, j + 1).is_ascii_alphanumeric() && (compact.len() % 4 == 0)
            {
                j += 1;
            } else {
                break;
            }
        }
        // Try the longest valid prefix (text may continue right after the IBAN).
        let found = (15..=compact.len())
            .rev()
            .find(|&len| iban(compact.get(..len).unwrap_or_default()));
        if let Some(len) = found {
            // Map `len` compact characters back onto the text.
            let mut seen = 0;
            let mut k = i;
            while seen < len {
                if at(t, k).is_ascii_alphanumeric() {
                    seen += 1;
                }
                k += 1;
            }
            if !is_word(at(t, k)) {
                push(Builtin::Iban, i..k);
                i = k;
                continue;
            }
        }
        i = end.max(i + 1);
    }
}

/// Length of the run of bytes matching `class` at `from`.
fn run(t: &[u8], from: usize, class: impl Fn(u8) -> bool) -> usize {
    t.get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| class(**b))
        .count()
}

/// Letters, digits and `_`: GitHub's token bodies (trufflehog's fixtures have `_` inside a `ghs_` one).
fn word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

fn token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// (detector, prefix, body class, minimum body length, maximum body length)
type Rule = (Builtin, &'static [u8], fn(u8) -> bool, usize, usize);
const RULES: [Rule; 37] = [
    (Builtin::AwsAccessKey, b"AKIA", upper_digit, 16, 16),
    (Builtin::AwsAccessKey, b"ASIA", upper_digit, 16, 16),
    (Builtin::AwsAccessKey, b"ABIA", upper_digit, 16, 16),
    (Builtin::AwsAccessKey, b"ACCA", upper_digit, 16, 16),
    (Builtin::GithubToken, b"ghp_", word_char, 36, 255),
    (Builtin::GithubToken, b"gho_", word_char, 36, 255),
    (Builtin::GithubToken, b"ghu_", word_char, 36, 255),
    (Builtin::GithubToken, b"ghs_", word_char, 36, 255),
    (Builtin::GithubToken, b"ghr_", word_char, 36, 255),
    (Builtin::GithubToken, b"github_pat_", token_char, 60, 255),
    // GitLab's token prefixes (docs.gitlab.com, "Token prefixes"): personal, deploy, runner
    // (and its registration token), CI/CD job, pipeline trigger, feed, incoming mail, agent,
    // OAuth application secret, SCIM, feature-flag client.
    (Builtin::GitlabToken, b"glpat-", token_char, 20, 300),
    (Builtin::GitlabToken, b"gldt-", token_char, 20, 300),
    (Builtin::GitlabToken, b"glrt-", token_char, 20, 300),
    (Builtin::GitlabToken, b"GR1348941", token_char, 20, 300),
    (Builtin::GitlabToken, b"glcbt-", token_char, 20, 300),
    (Builtin::GitlabToken, b"glptt-", token_char, 40, 300),
    (Builtin::GitlabToken, b"glft-", token_char, 20, 300),
    (Builtin::GitlabToken, b"glimt-", token_char, 25, 300),
    (Builtin::GitlabToken, b"glagent-", token_char, 50, 300),
    (Builtin::GitlabToken, b"gloas-", token_char, 64, 300),
    (Builtin::GitlabToken, b"glsoat-", token_char, 20, 300),
    (Builtin::GitlabToken, b"glffct-", token_char, 20, 300),
    (Builtin::SlackToken, b"xox", slack_char, 12, 255),
    (Builtin::SlackToken, b"xapp-", slack_char, 12, 255),
    (Builtin::StripeKey, b"sk_live_", alnum, 16, 255),
    (Builtin::StripeKey, b"rk_live_", alnum, 16, 255),
    (Builtin::StripeKey, b"sk_test_", alnum, 16, 255),
    (Builtin::StripeKey, b"sk_prod_", alnum, 16, 255),
    (Builtin::StripeKey, b"rk_test_", alnum, 16, 255),
    (Builtin::StripeKey, b"rk_prod_", alnum, 16, 255),
    // Also Anthropic's and OpenRouter's keys, told apart after the prefix (`sk_key`).
    (Builtin::OpenaiKey, b"sk-", token_char, 20, 255),
    // Hugging Face access tokens: `hf_` and 34 letters and digits.
    (Builtin::HuggingfaceToken, b"hf_", alnum, 34, 34),
    // Other LLM providers' keys (lengths as issued, with some slack): Groq `gsk_` + 52, xAI
    // `xai-` + 80, Perplexity `pplx-` + 48, Replicate `r8_` + 37.
    (Builtin::GroqKey, b"gsk_", alnum, 48, 56),
    (Builtin::XaiKey, b"xai-", alnum, 70, 90),
    (Builtin::PerplexityKey, b"pplx-", alnum, 40, 56),
    (Builtin::ReplicateToken, b"r8_", alnum, 34, 40),
    // Google Cloud / Maps / Firebase API keys: `AIza` and exactly 35 more characters.
    (Builtin::GoogleApiKey, b"AIza", token_char, 35, 35),
];

/// The literals that start a token or a key block, after the `RULES` prefixes.
const PEM: &[u8] = b"-----BEGIN ";
const JWT: &[u8] = b"eyJ";
const GCP_KEY_ID: &[u8] = b"private_key_id";
/// A Slack incoming-webhook (or workflow trigger) URL is itself the credential.
const SLACK_WEBHOOK: &[u8] = b"hooks.slack.com/";

/// Every prefixed-token rule: the keys above, then the platforms' tokens (`service`).
fn rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().chain(service::RULES.iter())
}

/// The literals with a detector of their own, after `RULES`' prefixes.
const FIXED: [&[u8]; 4] = [PEM, JWT, GCP_KEY_ID, SLACK_WEBHOOK];

/// How many literals come before the platforms' prefixes: `RULES`' and `FIXED`.
const KEY_LITERALS: usize = RULES.len() + FIXED.len();

/// Every literal anchor: `RULES`' prefixes, `FIXED`, then the platforms' prefixes (which natively
/// get a pass of their own: `anchors`).
fn literals() -> impl Iterator<Item = &'static [u8]> {
    RULES
        .iter()
        .map(|r| r.1)
        .chain(FIXED)
        .chain(service::RULES.iter().map(|r| r.1))
}

/// What starts at anchor `index` (an index into `literals()`).
enum Anchor {
    Rule(&'static Rule),
    /// An index into `FIXED`.
    Fixed(usize),
}

fn anchor(index: usize) -> Option<Anchor> {
    match index.checked_sub(RULES.len()) {
        None => RULES.get(index).map(Anchor::Rule),
        Some(k) if k < FIXED.len() => Some(Anchor::Fixed(k)),
        Some(_) => service::RULES.get(index - KEY_LITERALS).map(Anchor::Rule),
    }
}

/// Literal-prefixed tokens and assignments of secrets.
fn tokens(
    t: &[u8],
    enabled: &dyn Fn(Builtin) -> bool,
    push: &mut dyn FnMut(Builtin, Range<usize>),
) {
    for_each_anchor(t, |index, start| match anchor(index) {
        Some(Anchor::Rule((Builtin::OpenaiKey, ..))) => sk_key(t, start, enabled, push),
        Some(Anchor::Rule(rule)) => prefixed_token(t, start, *rule, enabled, push),
        Some(Anchor::Fixed(0)) if enabled(Builtin::PrivateKey) => private_key(t, start, push),
        Some(Anchor::Fixed(1)) if enabled(Builtin::Jwt) => jwt(t, start, push),
        Some(Anchor::Fixed(2)) if enabled(Builtin::GcpServiceAccountKey) => {
            gcp_key_id(t, start, push)
        }
        Some(Anchor::Fixed(3)) if enabled(Builtin::SlackToken) => slack_webhook(t, start, push),
        _ => {}
    });
    if enabled(Builtin::GenericSecret) || enabled(Builtin::AwsSecretKey) {
        assignments(t, enabled, push);
    }
    if enabled(Builtin::GenericSecret) {
        url_passwords(t, push);
    }
}

/// The password of `scheme://user:password@host` (a connection string, a git remote): a
/// credential wherever it appears, unless it is a placeholder (`${DB_PASSWORD}`, `<password>`).
#[inline(never)]
fn url_passwords(t: &[u8], push: &mut dyn FnMut(Builtin, Range<usize>)) {
    // One searcher for every text scanned (building one is ~300 instructions).
    static SCHEME_END: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new(b"://"));
    for scheme_end in SCHEME_END.find_iter(t) {
        let userinfo_start = scheme_end + 3;
        let rest = t.get(userinfo_start..).unwrap_or_default();
        // The authority ends at the first `/`, `?`, `#` or whitespace; its userinfo at the last `@`.
        let authority = rest
            .iter()
            .position(|&b| matches!(b, b'/' | b'?' | b'#') || b.is_ascii_whitespace() || b == b'"')
            .unwrap_or(rest.len());
        let Some(at_sign) = rest
            .get(..authority)
            .and_then(|a| a.iter().rposition(|&b| b == b'@'))
        else {
            continue;
        };
        let Some(colon) = rest
            .get(..at_sign)
            .and_then(|u| u.iter().position(|&b| b == b':'))
        else {
            continue;
        };
        let password = rest.get(colon + 1..at_sign).unwrap_or_default();
        let masked = password.len() < 4
            || password
                .iter()
                .all(|&b| b == b'*' || b == b'x' || b == b'X')
            || mentions(password, &[b"%", b"password", b"passwd", b"secret"]);
        if !masked && !placeholder(password) {
            let start = userinfo_start + colon + 1;
            push(Builtin::GenericSecret, start..start + password.len());
        }
    }
}

/// Not preceded by a token character: the prefix starts a token.
fn at_boundary(t: &[u8], i: usize) -> bool {
    i == 0 || !token_char(at(t, i - 1))
}

/// A `RULES` prefix at `start`: its body must have the rule's characters and length.
fn prefixed_token(
    t: &[u8],
    start: usize,
    (detector, prefix, class, min, max): Rule,
    enabled: &dyn Fn(Builtin) -> bool,
    push: &mut dyn FnMut(Builtin, Range<usize>),
) {
    if !enabled(detector) || !at_boundary(t, start) {
        return;
    }
    // A platform prefix right after a dot is a file name's (`favicon.ico-<hash>.png`).
    if detector == Builtin::ServiceToken && start > 0 && at(t, start - 1) == b'.' {
        return;
    }
    let body = start + prefix.len();
    let mut len = run(t, body, class);
    let token = t.get(body..body + len).unwrap_or_default();
    // Long random bodies have entropy; `GR1348941` + `12312312312312312312` is a placeholder
    // (a 16-character AWS body is too short to judge, Slack's carry numeric ids: `slack_ids`).
    let ok = (min..=max).contains(&len)
        && !masked(token)
        && (len < 20 || detector == Builtin::SlackToken || entropy(token) >= 3.0)
        && match detector {
            // xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xoxo-
            Builtin::SlackToken if prefix == b"xox" => {
                matches!(at(t, body), b'a' | b'b' | b'p' | b'r' | b's' | b'e' | b'o')
                    && at(t, body + 1) == b'-'
                    && slack_ids(token.get(2..).unwrap_or_default())
            }
            Builtin::SlackToken => slack_ids(token),
            // Random base64url: `AIzaaaaa…` is a placeholder.
            Builtin::GoogleApiKey => entropy(token) >= 3.0,
            // Random letters mix cases; `hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` is a placeholder.
            Builtin::HuggingfaceToken => {
                token.iter().any(u8::is_ascii_uppercase) && token.iter().any(u8::is_ascii_lowercase)
            }
            // A random body has a digit or a capital; a snake_case name after `ghs_` has neither.
            Builtin::GithubToken => token
                .iter()
                .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
            // Random: digits and letters, entropy > 3.5 (`gsk_xxxx…`, `pplx-your-key…` pass).
            Builtin::GroqKey
            | Builtin::XaiKey
            | Builtin::PerplexityKey
            | Builtin::ReplicateToken => random_key(
                t.get(body..body + len).unwrap_or_default(),
                u8::is_ascii_alphabetic,
            ),
            _ => true,
        };
    // GitLab's routable tokens end in `.` and a 9-character suffix (`glpat-….01abcdefg`).
    if detector == Builtin::GitlabToken && at(t, body + len) == b'.' {
        let suffix = run(t, body + len + 1, |b| {
            b.is_ascii_lowercase() || b.is_ascii_digit()
        });
        if suffix == 9 {
            len += 10;
        }
    }
    // Databricks tokens may end in `-` and a digit (`dapi…-2`).
    if prefix == b"dapi" && at(t, body + len) == b'-' && at(t, body + len + 1).is_ascii_digit() {
        len += 2;
    }
    if ok && !token_char(at(t, body + len)) {
        push(detector, start..body + len);
    }
}

/// A token written as a mask (`ghp_xxxx…`, `glpat-XXXXXXXXXXX-…`): `x` is what people type for
/// the characters they leave out.
fn masked(token: &[u8]) -> bool {
    token
        .windows(4)
        .any(|w| w.iter().all(|b| b.eq_ignore_ascii_case(&b'x')))
}

/// A Slack token after its `xox?-` / `xapp-` prefix: numeric ids, then a random part. Either a
/// one-digit version and a long random rest (`xoxe-1-…`, `xoxa-2-…`, `xapp-1-A05…-…`), or a
/// team id of 6+ digits and a last group of 8+ characters (`xoxb-263594206564-FGqd…`). `xoxb-12345-abcd234`,
/// `xoxp-1234567890` and `xoxe.xoxp-1-RANDOMSTRINGHERE` are placeholders.
fn slack_ids(body: &[u8]) -> bool {
    let mut groups = body.split(|b| *b == b'-');
    let Some(first) = groups.next() else {
        return false;
    };
    if first.is_empty() || !first.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let rest = body.get(first.len() + 1..).unwrap_or_default();
    if first.len() == 1 {
        return rest.len() >= 20
            && rest.iter().any(u8::is_ascii_digit)
            && rest.iter().any(u8::is_ascii_alphabetic);
    }
    first.len() >= 6 && groups.next_back().is_some_and(|last| last.len() >= 8)
}

/// `sk-` at `start`: an OpenAI key, or after a provider tag an Anthropic key (`sk-ant-api03-…`,
/// `sk-ant-admin01-…`, ~100 random characters) or an OpenRouter key (`sk-or-v1-` and 64 hex digits).
fn sk_key(
    t: &[u8],
    start: usize,
    enabled: &dyn Fn(Builtin) -> bool,
    push: &mut dyn FnMut(Builtin, Range<usize>),
) {
    if !at_boundary(t, start) {
        return;
    }
    let body = start + 3;
    let len = run(t, body, token_char);
    let key = t.get(body..body + len).unwrap_or_default();
    // Real keys mix cases and digits; `sk-my-long-descriptive-name` is not one.
    let random = |k: &[u8]| random_key(k, u8::is_ascii_uppercase);
    let (detector, ok) = if let Some(rest) = key.strip_prefix(b"ant-") {
        // Issued keys end in `AA` (`sk-ant-api03-…AA`).
        (
            Builtin::AnthropicKey,
            rest.len() >= 80 && rest.ends_with(b"AA") && random(rest),
        )
    } else if let Some(hex) = key.strip_prefix(b"or-v1-") {
        (
            Builtin::OpenrouterKey,
            hex.len() == 64 && hex.iter().all(u8::is_ascii_hexdigit),
        )
    } else {
        (Builtin::OpenaiKey, (20..=255).contains(&len) && random(key))
    };
    if ok && enabled(detector) {
        push(detector, start..body + len);
    }
}

/// A key body that reads as random: a digit, a `letter`, and entropy above 3.5 bits per character.
fn random_key(key: &[u8], letter: fn(&u8) -> bool) -> bool {
    key.iter().any(u8::is_ascii_digit) && key.iter().any(letter) && entropy(key) > 3.5
}

/// `-----BEGIN ... PRIVATE KEY-----` at `start`, to its END line (or the end of the text).
fn private_key(t: &[u8], start: usize, push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let label_start = start + PEM.len();
    let Some(header_end) =
        memmem::find(t.get(label_start..).unwrap_or_default(), b"-----").map(|e| label_start + e)
    else {
        return;
    };
    let label = t.get(label_start..header_end).unwrap_or_default();
    if !label.ends_with(b"PRIVATE KEY") && !label.ends_with(b"PRIVATE KEY BLOCK") {
        return;
    }
    let end = memmem::find(t.get(header_end..).unwrap_or_default(), b"-----END ")
        .and_then(|e| {
            let tail = header_end + e + 9;
            memmem::find(t.get(tail..).unwrap_or_default(), b"-----").map(|f| tail + f + 5)
        })
        .unwrap_or(t.len());
    // A key has a body: `-----BEGIN PRIVATE KEY-----\nanything\n-----END …` is an example.
    let body = t.get(header_end + 5..end).unwrap_or_default();
    let key_chars = body
        .iter()
        .take_while(|b| **b != b'-')
        .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        .count();
    if key_chars >= 32 {
        push(Builtin::PrivateKey, start..end);
    }
}

/// A JWT (`eyJ...` header `.` `eyJ...` payload, optional signature) at `start`.
fn jwt(t: &[u8], start: usize, push: &mut dyn FnMut(Builtin, Range<usize>)) {
    if !at_boundary(t, start) {
        return;
    }
    let b64url = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let h = run(t, start, b64url);
    if h < 10 || at(t, start + h) != b'.' || t.get(start + h + 1..start + h + 4) != Some(JWT) {
        return;
    }
    let p = run(t, start + h + 1, b64url);
    if p < 10 {
        return;
    }
    // The signature may be absent (`alg: none`, or a token pasted without it).
    let end = start + h + 1 + p;
    let s = if at(t, end) == b'.' {
        1 + run(t, end + 1, b64url)
    } else {
        0
    };
    push(Builtin::Jwt, start..end + s);
}

/// `hooks.slack.com/services/T…/B…/…` at `start`, with its `https://` if present.
fn slack_webhook(t: &[u8], start: usize, push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let kind = start + SLACK_WEBHOOK.len();
    let Some(path) = [&b"services/"[..], b"workflows/", b"triggers/"]
        .iter()
        .find(|k| t.get(kind..kind + k.len()) == Some(**k))
        .map(|k| kind + k.len())
    else {
        return;
    };
    let len = run(t, path, |b| {
        b.is_ascii_alphanumeric() || matches!(b, b'_' | b'/' | b'+')
    });
    let parts = t.get(path..path + len).unwrap_or_default();
    let mut segments = parts.split(|b| *b == b'/');
    // `T…/B…/…` (team, bot or app ids, secret) or, as scanners accept it, one long random path.
    let team = segments
        .next()
        .is_some_and(|s| s.len() >= 8 && s.starts_with(b"T"));
    let rest: Vec<&[u8]> = segments.collect();
    let shaped = team && rest.len() >= 2 && rest.last().is_some_and(|s| s.len() >= 16);
    if !shaped && !(43..=56).contains(&len) {
        return;
    }
    let scheme = b"https://";
    let from = start
        .checked_sub(scheme.len())
        .filter(|s| t.get(*s..start) == Some(scheme.as_slice()))
        .unwrap_or(start);
    push(Builtin::SlackToken, from..path + len);
}

/// `private_key_id` of a GCP service-account key file, followed by its 40 hex digits.
fn gcp_key_id(t: &[u8], start: usize, push: &mut dyn FnMut(Builtin, Range<usize>)) {
    let mut j = start + GCP_KEY_ID.len();
    j += run(t, j, |b| matches!(b, b'"' | b'\'' | b' ' | b':' | b'='));
    let len = run(t, j, |b| b.is_ascii_hexdigit());
    if len == 40 {
        push(Builtin::GcpServiceAccountKey, j..j + len);
    }
}

/// `needle` occurs in `hay` (both short: a name before `=`).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn upper_digit(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit()
}

fn slack_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// `v`, lowercased, contains one of `words` (lowercase).
pub(super) fn mentions(v: &[u8], words: &[&[u8]]) -> bool {
    let lower = v.to_ascii_lowercase();
    words.iter().any(|w| memmem::find(&lower, w).is_some())
}

/// A value written to be replaced: `your_key_here`, `<token>`, `${VAR}`, `process.env.X`.
pub(super) fn placeholder(v: &[u8]) -> bool {
    mentions(
        v,
        &[
            b"your",
            b"xxxx",
            b"example",
            b"changeme",
            b"placeholder",
            b"redacted",
            b"dummy",
            b"<",
            b"${",
            b"{{",
            b"process.env",
            b"os.environ",
            b"getenv",
        ],
    )
}

#[cfg(test)]
mod tests;
