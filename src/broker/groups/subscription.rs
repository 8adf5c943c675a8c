//! The consumer protocol's subscription metadata (ConsumerProtocolSubscription), as far as
//! the coordinator needs it: which topics a member subscribes to, for OffsetDelete's
//! GROUP_SUBSCRIBED_TO_TOPIC. Everything else in it belongs to the client-side assignors.

/// Topic names from a ConsumerProtocolSubscription (version i16, then an array of strings);
/// whatever does not parse yields no topics.
pub fn topics(mut raw: &[u8]) -> Vec<String> {
    fn take<'a>(raw: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
        let (head, rest) = (raw.get(..n)?, raw.get(n..)?);
        *raw = rest;
        Some(head)
    }
    let mut out = Vec::new();
    let Some(_version) = take(&mut raw, 2) else {
        return out;
    };
    let Some(count) = take(&mut raw, 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(i32::from_be_bytes)
    else {
        return out;
    };
    for _ in 0..count.max(0) {
        let Some(len) = take(&mut raw, 2)
            .and_then(|b| <[u8; 2]>::try_from(b).ok())
            .map(i16::from_be_bytes)
        else {
            break;
        };
        let Some(name) = take(&mut raw, len.max(0) as usize) else {
            break;
        };
        out.push(String::from_utf8_lossy(name).into_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_consumer_subscriptions() {
        let mut raw = vec![0, 1, 0, 0, 0, 2, 0, 1, b'a', 0, 2, b'b', b'c'];
        assert_eq!(topics(&raw), ["a", "bc"]);
        raw.truncate(10);
        assert_eq!(topics(&raw), ["a"]);
        assert!(topics(&[0xff; 6]).is_empty());
    }
}
