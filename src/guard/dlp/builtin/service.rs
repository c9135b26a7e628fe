//! `service_token`: API tokens of developer and SaaS platforms that name themselves by a prefix —
//! package registries, secret stores, clouds, monitoring, commerce (session 10). Shapes from the
//! vendors' documented formats, as gitleaks' rules have them; a body must fill its length, pass the
//! shared mask and entropy checks (`prefixed_token`) and end where the token does.

use super::{alnum, token_char, Builtin, Rule};

const S: Builtin = Builtin::ServiceToken;

fn hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

/// Standard base64 with padding: `glc_`, `fm2_`, `ops_eyJ…`, `sntrys_eyJ…`.
fn base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
}

/// URL-safe base64 with dots and padding: SendGrid, PlanetScale, Duffel, Frame.io, Atlassian.
fn base64url_dot(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'=')
}

/// Letters, digits and dots: Dynatrace's `dt0c01.<24>.<64>`, Harness' `pat.<22>.<24>.<20>`.
fn alnum_dot(b: u8) -> bool {
    token_char(b) || b == b'.'
}

/// Bech32's upper-case alphabet (age secret keys).
fn bech32_upper(b: u8) -> bool {
    matches!(b, b'0' | b'2'..=b'9' | b'A' | b'C'..=b'H' | b'J'..=b'N' | b'P'..=b'Z')
}

/// Capitals, digits and dashes: 1Password's secret key (`A3-ASWWYB-798JRY-…`).
fn upper_digit_dash(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'
}

fn lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// (detector, prefix, body class, minimum body length, maximum body length), as `RULES`.
pub(super) const RULES: [Rule; 51] = [
    // Package registries: npm, PyPI (the fixed macaroon header), RubyGems, Clojars, Docker Hub.
    (S, b"npm_", alnum, 36, 36),
    (S, b"pypi-AgEIcHlwaS5vcmc", token_char, 50, 1000),
    (S, b"rubygems_", hex, 48, 48),
    (S, b"CLOJARS_", alnum, 60, 60),
    (S, b"dckr_pat_", token_char, 27, 27),
    // Secret stores: HashiCorp Vault service and batch tokens, Doppler, 1Password service
    // accounts, age secret keys.
    (S, b"hvs.", token_char, 90, 120),
    (S, b"hvb.", token_char, 138, 300),
    (S, b"dp.pt.", alnum, 43, 43),
    (S, b"ops_eyJ", base64, 250, 4000),
    (S, b"AGE-SECRET-KEY-1", bech32_upper, 58, 58),
    (S, b"A3-", upper_digit_dash, 36, 37),
    // Clouds and platforms: DigitalOcean, Heroku, Fly.io, Scalingo, OpenShift, PlanetScale,
    // Databricks, Pulumi.
    (S, b"dop_v1_", hex, 64, 64),
    (S, b"doo_v1_", hex, 64, 64),
    (S, b"dor_v1_", hex, 64, 64),
    (S, b"HRKU-AA", token_char, 58, 58),
    (S, b"fo1_", token_char, 43, 43),
    (S, b"fm1a_", base64, 100, 4000),
    (S, b"fm1r_", base64, 100, 4000),
    (S, b"fm2_", base64, 100, 4000),
    (S, b"tk-us-", token_char, 48, 48),
    (S, b"sha256~", token_char, 43, 43),
    (S, b"pscale_pw_", base64url_dot, 32, 64),
    (S, b"pscale_tkn_", base64url_dot, 32, 64),
    (S, b"pscale_oauth_", base64url_dot, 32, 64),
    (S, b"dapi", hex, 32, 32),
    (S, b"pul-", hex, 40, 40),
    // Monitoring and developer tools: Sentry, Grafana, Dynatrace, Atlassian, Linear, Postman,
    // Prefect, Harness, Infracost, ReadMe, Notion, Frame.io.
    (S, b"sntryu_", hex, 64, 64),
    (S, b"sntrys_eyJ", base64url_dot, 60, 400),
    (S, b"glc_", base64, 32, 400),
    // Grafana's legacy API keys: base64 of `{"k":"` (not a JWT header).
    (S, b"eyJrIjoi", base64, 70, 400),
    (S, b"glsa_", token_char, 41, 41),
    (S, b"dt0c01.", alnum_dot, 89, 89),
    (S, b"ATATT3", base64url_dot, 150, 300),
    (S, b"lin_api_", alnum, 40, 40),
    (S, b"PMAK-", token_char, 59, 59),
    (S, b"pnu_", alnum, 36, 36),
    (S, b"pat.", alnum_dot, 68, 68),
    (S, b"sat.", alnum_dot, 68, 68),
    (S, b"ico-", alnum, 32, 32),
    (S, b"rdme_", lower_alnum, 70, 70),
    (S, b"ntn_", alnum, 46, 46),
    (S, b"fio-u-", base64url_dot, 64, 64),
    // Commerce: SendGrid, Shopify, Shippo, Duffel.
    (S, b"SG.", base64url_dot, 66, 66),
    (S, b"shpat_", hex, 32, 32),
    (S, b"shpss_", hex, 32, 32),
    (S, b"shpca_", hex, 32, 32),
    (S, b"shppa_", hex, 32, 32),
    (S, b"shippo_live_", hex, 40, 40),
    (S, b"shippo_test_", hex, 40, 40),
    (S, b"duffel_live_", base64url_dot, 43, 43),
    (S, b"duffel_test_", base64url_dot, 43, 43),
];
