//! The principal of a client that authenticated with a certificate: the certificate subject's
//! distinguished name written as Java's `X500Principal.getName()` writes it (RFC 2253: the
//! last RDN first, `CN=client,OU=eng,O=Acme,C=US`), then mapped by Kafka's
//! `ssl.principal.mapping.rules`:
//!
//! ```text
//! RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/,RULE:^CN=(.*?),.*$/$1/L,DEFAULT
//! ```
//!
//! Rules are tried in order; a `RULE:pattern/replacement/[LU]` applies when its pattern matches
//! the whole DN, giving the replacement (Java's `$1` group references), lower- or upper-cased
//! with `L` or `U`; `DEFAULT` gives the DN itself. A DN no rule applies to cannot
//! authenticate, as in Kafka.

use regex::Regex;
use x509_parser::prelude::{FromDer, X509Certificate};

/// One parsed rule.
#[derive(Debug, Clone)]
enum Rule {
    Default,
    Replace {
        pattern: Regex,
        /// In the regex crate's syntax (`${1}`), translated from Java's.
        replacement: String,
        case: Case,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Keep,
    Lower,
    Upper,
}

/// Parsed `ssl.principal.mapping.rules`.
#[derive(Debug, Clone)]
pub struct PrincipalMapper {
    rules: Vec<Rule>,
}

impl Default for PrincipalMapper {
    fn default() -> PrincipalMapper {
        PrincipalMapper {
            rules: vec![Rule::Default],
        }
    }
}

impl PrincipalMapper {
    /// Parses rules separated by commas (or newlines); an invalid one is an error naming it.
    pub fn parse(text: &str) -> Result<PrincipalMapper, String> {
        let mut rules = Vec::new();
        let mut rest = text.trim();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("DEFAULT") {
                rules.push(Rule::Default);
                rest = after;
            } else if let Some(after) = rest.strip_prefix("RULE:") {
                let (pattern, after) = until_slash(after)
                    .ok_or_else(|| format!("invalid rule (no '/' after the pattern): {rest}"))?;
                let (replacement, after) = until_slash(after).ok_or_else(|| {
                    format!("invalid rule (no '/' after the replacement): {rest}")
                })?;
                let (case, after) = match after.chars().next() {
                    Some('L') => (Case::Lower, &after[1..]),
                    Some('U') => (Case::Upper, &after[1..]),
                    _ => (Case::Keep, after),
                };
                let anchored = format!("^(?:{pattern})$");
                let pattern = Regex::new(&anchored)
                    .map_err(|e| format!("invalid rule pattern {pattern:?}: {e}"))?;
                rules.push(Rule::Replace {
                    pattern,
                    replacement: java_replacement(&replacement),
                    case,
                });
                rest = after;
            } else {
                return Err(format!("invalid rule: {rest}"));
            }
            rest = rest.trim_start();
            rest = match rest.strip_prefix([',', '\n']) {
                Some(after) => after.trim_start(),
                None if rest.is_empty() => rest,
                None => return Err(format!("invalid rule: {rest}")),
            };
        }
        if rules.is_empty() {
            rules.push(Rule::Default);
        }
        Ok(PrincipalMapper { rules })
    }

    /// The principal name for `dn`, or `None` when no rule applies.
    pub fn map(&self, dn: &str) -> Option<String> {
        self.rules.iter().find_map(|rule| match rule {
            Rule::Default => Some(dn.to_string()),
            Rule::Replace {
                pattern,
                replacement,
                case,
            } => pattern.is_match(dn).then(|| {
                let mapped = pattern.replace(dn, replacement.as_str()).into_owned();
                match case {
                    Case::Keep => mapped,
                    Case::Lower => mapped.to_lowercase(),
                    Case::Upper => mapped.to_uppercase(),
                }
            }),
        })
    }
}

/// Splits at the first `/` not escaped by a backslash: (the part before, unescaped where it
/// escaped a slash; the rest after the slash).
fn until_slash(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, '/')) => out.push('/'),
                Some((_, other)) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '/' => return Some((out, &text[i + 1..])),
            other => out.push(other),
        }
    }
    None
}

/// Java's replacement syntax (`$1`, `\$` for a dollar) in the regex crate's (`${1}`, `$$`).
fn java_replacement(java: &str) -> String {
    let mut out = String::new();
    let mut chars = java.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('$') => out.push_str("$$"),
                Some(other) => out.push(other),
                None => {}
            },
            '$' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                if digits.is_empty() {
                    out.push_str("$$");
                } else {
                    out.push_str(&format!("${{{digits}}}"));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The subject DN of a DER certificate, as Java writes it in RFC 2253 form.
pub fn subject_dn(der: &[u8]) -> Option<String> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let rdns: Vec<String> = cert
        .subject()
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|attribute| {
                    let oid = attribute.attr_type().to_id_string();
                    let value = attribute.attr_value();
                    match (keyword(&oid), attribute.as_str()) {
                        (Some(name), Ok(text)) => format!("{name}={}", escape_value(text)),
                        _ => {
                            // Not a string Java names: `OID=#` and the hex of its DER encoding.
                            let mut der = Vec::new();
                            der.push(value.header.tag().0 as u8);
                            push_der_length(&mut der, value.data.len());
                            der.extend_from_slice(value.data);
                            let hex: String = der.iter().map(|b| format!("{b:02x}")).collect();
                            format!("{oid}=#{hex}")
                        }
                    }
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    Some(rdns.into_iter().rev().collect::<Vec<_>>().join(","))
}

/// The attribute keywords RFC 2253 output uses (Java's X500Principal.RFC2253).
fn keyword(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "2.5.4.3" => "CN",
        "2.5.4.6" => "C",
        "2.5.4.7" => "L",
        "2.5.4.8" => "ST",
        "2.5.4.10" => "O",
        "2.5.4.11" => "OU",
        "2.5.4.9" => "STREET",
        "0.9.2342.19200300.100.1.25" => "DC",
        "0.9.2342.19200300.100.1.1" => "UID",
        _ => return None,
    })
}

fn push_der_length(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
}

/// RFC 2253 escaping: `, + " \ < > ;` always, `#` or a space first, a space last.
fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kafka_documentation_rules() {
        let mapper = PrincipalMapper::parse(
            "RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/,\n\
             RULE:^CN=(.*?),OU=(.*?),O=(.*?),L=(.*?),ST=(.*?),C=(.*?)$/$1@$2/L,\
             RULE:^.*[Cc][Nn]=([a-zA-Z0-9.]*).*$/$1/L,\
             DEFAULT",
        )
        .unwrap();
        assert_eq!(
            mapper
                .map("CN=kafka-broker,OU=ServiceUsers,O=Acme")
                .as_deref(),
            Some("kafka-broker")
        );
        assert_eq!(
            mapper
                .map("CN=Duke,OU=JavaSoft,O=Sun Microsystems,L=Santa Clara,ST=CA,C=US")
                .as_deref(),
            Some("duke@javasoft")
        );
        assert_eq!(mapper.map("O=x,cn=Admin.One").as_deref(), Some("admin.one"));
        assert_eq!(mapper.map("O=nobody").as_deref(), Some("O=nobody"));
    }

    #[test]
    fn no_default_means_unmatched_dns_have_no_principal() {
        let mapper = PrincipalMapper::parse("RULE:^CN=([^,]*),.*$/$1x/U").unwrap();
        assert_eq!(mapper.map("CN=app,O=Acme").as_deref(), Some("APPX"));
        assert_eq!(mapper.map("O=Acme"), None);
        let slashes = PrincipalMapper::parse(r"RULE:^CN=a\/b$/\$1 is a\/b/").unwrap();
        assert_eq!(slashes.map("CN=a/b").as_deref(), Some("$1 is a/b"));
        assert_eq!(
            PrincipalMapper::parse("").unwrap().map("CN=x").as_deref(),
            Some("CN=x")
        );
    }

    #[test]
    fn bad_rules_are_refused() {
        assert!(PrincipalMapper::parse("RULE:^CN=(.*)$").is_err());
        assert!(PrincipalMapper::parse("RULE:^CN=((.*)$/$1/").is_err());
        assert!(PrincipalMapper::parse("DEFAULT,NONSENSE").is_err());
        assert!(PrincipalMapper::parse("RULE:a/b/Lx").is_err());
    }

    #[test]
    fn values_are_escaped_as_rfc_2253_says() {
        assert_eq!(escape_value("Acme, Inc."), r"Acme\, Inc.");
        assert_eq!(escape_value("#1 "), r"\#1\ ");
        assert_eq!(escape_value("a+b=c"), r"a\+b=c");
    }
}
