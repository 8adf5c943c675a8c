//! The SASL mechanisms spoken here, on both sides: PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512.

use super::scram;

/// A mechanism a SASL listener offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaslMechanism {
    Plain,
    Scram(scram::Mechanism),
    /// RFC 7628: a bearer token (a JWT).
    OAuthBearer,
}

impl SaslMechanism {
    /// Every mechanism, by name, in the order listed by default.
    pub const ALL: [SaslMechanism; 3] = [
        SaslMechanism::Plain,
        SaslMechanism::Scram(scram::Mechanism::Sha256),
        SaslMechanism::Scram(scram::Mechanism::Sha512),
    ];

    pub fn parse(name: &str) -> Option<SaslMechanism> {
        match name {
            "PLAIN" => Some(SaslMechanism::Plain),
            "OAUTHBEARER" => Some(SaslMechanism::OAuthBearer),
            other => scram::Mechanism::from_name(other).map(SaslMechanism::Scram),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SaslMechanism::Plain => "PLAIN",
            SaslMechanism::Scram(m) => m.name(),
            SaslMechanism::OAuthBearer => "OAUTHBEARER",
        }
    }
}

/// Parses `sasl_enabled_mechanisms` (comma-separated names).
pub fn parse_mechanisms(text: &str) -> Result<Vec<SaslMechanism>, String> {
    let mut mechanisms = Vec::new();
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let m = SaslMechanism::parse(name).ok_or_else(|| {
            format!(
                "unknown SASL mechanism {name}: offered are PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 \
                 and OAUTHBEARER"
            )
        })?;
        if !mechanisms.contains(&m) {
            mechanisms.push(m);
        }
    }
    if mechanisms.is_empty() {
        return Err("sasl_enabled_mechanisms names no mechanism".into());
    }
    Ok(mechanisms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::security::scram::Mechanism;

    #[test]
    fn mechanism_lists() {
        assert_eq!(
            parse_mechanisms("SCRAM-SHA-512, PLAIN").unwrap(),
            vec![
                SaslMechanism::Scram(Mechanism::Sha512),
                SaslMechanism::Plain
            ]
        );
        assert!(parse_mechanisms("GSSAPI").is_err());
        assert!(parse_mechanisms(" ").is_err());
    }
}
