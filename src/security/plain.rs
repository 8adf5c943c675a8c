//! SASL/PLAIN (RFC 4616) as Kafka's `PlainSaslServer` reads it: one message
//! `[authzid] NUL authcid NUL passwd`, where an authorization id, if given, must be the user
//! itself.

/// What a PLAIN client sent.
#[derive(Debug, PartialEq, Eq)]
pub struct PlainToken<'a> {
    pub user: &'a str,
    pub password: &'a str,
}

/// Why a PLAIN message was refused; for the broker's log only.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlainError {
    #[error("a PLAIN message must be authzid NUL user NUL password")]
    Malformed,
    #[error("the PLAIN message is not UTF-8")]
    NotUtf8,
    #[error("a PLAIN message with no user name or no password")]
    Empty,
    #[error("the client asked for an authorization id other than its user name")]
    OtherAuthorizationId,
}

/// Parses one PLAIN message.
pub fn parse(token: &[u8]) -> Result<PlainToken<'_>, PlainError> {
    let text = std::str::from_utf8(token).map_err(|_| PlainError::NotUtf8)?;
    let mut parts = text.split('\u{0}');
    let (Some(authzid), Some(user), Some(password), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(PlainError::Malformed);
    };
    if user.is_empty() || password.is_empty() {
        return Err(PlainError::Empty);
    }
    if !authzid.is_empty() && authzid != user {
        return Err(PlainError::OtherAuthorizationId);
    }
    Ok(PlainToken { user, password })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_messages_as_kafka_does() {
        assert_eq!(
            parse(b"\0alice\0secret"),
            Ok(PlainToken {
                user: "alice",
                password: "secret"
            })
        );
        assert_eq!(parse(b"alice\0alice\0pw").unwrap().user, "alice");
        assert_eq!(
            parse(b"bob\0alice\0pw"),
            Err(PlainError::OtherAuthorizationId)
        );
        assert_eq!(parse(b"\0alice\0"), Err(PlainError::Empty));
        assert_eq!(parse(b"alice\0pw"), Err(PlainError::Malformed));
        assert_eq!(parse(b"\0a\0b\0c"), Err(PlainError::Malformed));
        assert_eq!(parse(b"\0a\0\xff"), Err(PlainError::NotUtf8));
    }
}
