//! The server-side assignors of the consumer group protocol (KIP-848): `uniform` (the
//! default) spreads every subscribed partition evenly over the members, keeping partitions
//! where they were as far as balance allows; `range` gives each member a contiguous range of
//! each topic it subscribes to, so co-partitioned topics line up.
//!
//! Both are deterministic functions of the members (sorted by id), their subscriptions, the
//! topics' partition counts and, for `uniform`, the previous target assignment.

use std::collections::{BTreeMap, BTreeSet};

use uuid::Uuid;

/// The assignor used when a member names none (Kafka's default).
pub const DEFAULT_ASSIGNOR: &str = "uniform";

/// The assignors this coordinator has.
pub const ASSIGNORS: &[&str] = &["uniform", "range"];

/// Partitions by topic id.
pub type TopicPartitions = BTreeMap<Uuid, BTreeSet<i32>>;

/// What an assignor sees of one member: what it subscribes to (topic ids, already resolved
/// from names and regular expressions).
#[derive(Debug, Clone)]
pub struct MemberSubscription {
    pub member_id: String,
    pub topics: BTreeSet<Uuid>,
}

/// Computes the target assignment of every member (each gets an entry, possibly empty).
/// `partitions` is the partition count of each subscribed topic; `previous` the last target.
pub fn assign(
    assignor: &str,
    members: &[MemberSubscription],
    partitions: &BTreeMap<Uuid, i32>,
    previous: &BTreeMap<String, TopicPartitions>,
) -> BTreeMap<String, TopicPartitions> {
    match assignor {
        "range" => range(members, partitions),
        _ => uniform(members, partitions, previous),
    }
}

fn empty_targets(members: &[MemberSubscription]) -> BTreeMap<String, TopicPartitions> {
    members
        .iter()
        .map(|m| (m.member_id.clone(), TopicPartitions::new()))
        .collect()
}

fn range(
    members: &[MemberSubscription],
    partitions: &BTreeMap<Uuid, i32>,
) -> BTreeMap<String, TopicPartitions> {
    let mut targets = empty_targets(members);
    for (&topic, &count) in partitions {
        let mut subscribers: Vec<&str> = members
            .iter()
            .filter(|m| m.topics.contains(&topic))
            .map(|m| m.member_id.as_str())
            .collect();
        subscribers.sort_unstable();
        let n = subscribers.len() as i32;
        if n == 0 {
            continue;
        }
        let (per_member, extra) = (count / n, count % n);
        let mut next = 0;
        for (i, member) in subscribers.into_iter().enumerate() {
            let take = per_member + i32::from((i as i32) < extra);
            if let Some(target) = targets.get_mut(member) {
                target.entry(topic).or_default().extend(next..next + take);
            }
            next += take;
        }
    }
    for target in targets.values_mut() {
        target.retain(|_, p| !p.is_empty());
    }
    targets
}

fn uniform(
    members: &[MemberSubscription],
    partitions: &BTreeMap<Uuid, i32>,
    previous: &BTreeMap<String, TopicPartitions>,
) -> BTreeMap<String, TopicPartitions> {
    let mut targets = empty_targets(members);
    if members.is_empty() {
        return targets;
    }
    let all: Vec<(Uuid, i32)> = partitions
        .iter()
        .filter(|(topic, _)| members.iter().any(|m| m.topics.contains(topic)))
        .flat_map(|(&topic, &count)| (0..count).map(move |p| (topic, p)))
        .collect();
    // Fair shares: everyone gets `floor`, and `extra` members may hold one more.
    let floor = all.len() / members.len();
    let mut extra = all.len() % members.len();
    let index: BTreeMap<&str, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.member_id.as_str(), i))
        .collect();
    let mut counts = vec![0usize; members.len()];
    let mut owner: BTreeMap<(Uuid, i32), usize> = BTreeMap::new();
    // Sticky pass: a partition stays with its previous owner while that owner is within its
    // share and still subscribes to the topic.
    for (member_id, held) in previous {
        let Some(&i) = index.get(member_id.as_str()) else {
            continue;
        };
        let (Some(member), Some(held_count)) = (members.get(i), counts.get_mut(i)) else {
            continue;
        };
        for (&topic, parts) in held {
            if !member.topics.contains(&topic) {
                continue;
            }
            let count = partitions.get(&topic).copied().unwrap_or(0);
            for &p in parts.iter().filter(|&&p| p < count) {
                let within = *held_count < floor || (*held_count == floor && extra > 0);
                if !within || owner.contains_key(&(topic, p)) {
                    continue;
                }
                if *held_count == floor {
                    extra -= 1;
                }
                *held_count += 1;
                owner.insert((topic, p), i);
            }
        }
    }
    // Everything else goes to the least loaded subscriber (ties to the lowest member id).
    for &(topic, p) in &all {
        if owner.contains_key(&(topic, p)) {
            continue;
        }
        let chosen = members
            .iter()
            .enumerate()
            .filter(|(_, m)| m.topics.contains(&topic))
            .min_by_key(|(i, m)| (counts.get(*i).copied(), m.member_id.as_str()))
            .map(|(i, _)| i);
        if let Some(i) = chosen {
            if let Some(count) = counts.get_mut(i) {
                *count += 1;
            }
            owner.insert((topic, p), i);
        }
    }
    for ((topic, p), i) in owner {
        let Some(member) = members.get(i) else {
            continue;
        };
        if let Some(target) = targets.get_mut(&member.member_id) {
            target.entry(topic).or_default().insert(p);
        }
    }
    targets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, topics: &[Uuid]) -> MemberSubscription {
        MemberSubscription {
            member_id: id.into(),
            topics: topics.iter().copied().collect(),
        }
    }

    fn counts(targets: &BTreeMap<String, TopicPartitions>) -> Vec<usize> {
        targets
            .values()
            .map(|t| t.values().map(BTreeSet::len).sum())
            .collect()
    }

    /// Every partition of `partitions` is assigned exactly once.
    fn assert_complete(
        targets: &BTreeMap<String, TopicPartitions>,
        partitions: &BTreeMap<Uuid, i32>,
    ) {
        let mut seen = BTreeSet::new();
        for target in targets.values() {
            for (topic, parts) in target {
                for p in parts {
                    assert!(seen.insert((*topic, *p)), "{topic}/{p} assigned twice");
                }
            }
        }
        let total: i32 = partitions.values().sum();
        assert_eq!(seen.len(), total as usize);
    }

    #[test]
    fn uniform_balances_and_keeps_partitions_in_place() {
        let t = Uuid::from_u128(1);
        let partitions = BTreeMap::from([(t, 7)]);
        let two = [member("a", &[t]), member("b", &[t])];
        let first = assign("uniform", &two, &partitions, &BTreeMap::new());
        assert_complete(&first, &partitions);
        assert_eq!(counts(&first), [4, 3]);

        let three = [member("a", &[t]), member("b", &[t]), member("c", &[t])];
        let second = assign("uniform", &three, &partitions, &first);
        assert_complete(&second, &partitions);
        let mut c = counts(&second);
        c.sort_unstable();
        assert_eq!(c, [2, 2, 3]);
        // Only partitions that had to move moved: a and b kept what they still hold.
        for id in ["a", "b"] {
            let kept = &second[id][&t];
            assert!(kept.is_subset(&first[id][&t]), "{id} kept {kept:?}");
        }
    }

    #[test]
    fn uniform_gives_each_topic_only_to_its_subscribers() {
        let (t1, t2) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let partitions = BTreeMap::from([(t1, 4), (t2, 2)]);
        let members = [member("a", &[t1]), member("b", &[t1, t2])];
        let targets = assign("uniform", &members, &partitions, &BTreeMap::new());
        assert_complete(&targets, &partitions);
        assert!(!targets["a"].contains_key(&t2));
    }

    #[test]
    fn range_splits_each_topic_into_contiguous_ranges() {
        let (t1, t2) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let partitions = BTreeMap::from([(t1, 5), (t2, 5)]);
        let members = [member("b", &[t1, t2]), member("a", &[t1, t2])];
        let targets = assign("range", &members, &partitions, &BTreeMap::new());
        assert_complete(&targets, &partitions);
        assert_eq!(targets["a"][&t1], BTreeSet::from([0, 1, 2]));
        assert_eq!(targets["a"][&t2], BTreeSet::from([0, 1, 2]));
        assert_eq!(targets["b"][&t1], BTreeSet::from([3, 4]));
    }

    #[test]
    fn no_members_or_no_topics_assign_nothing() {
        let t = Uuid::from_u128(1);
        assert!(assign("uniform", &[], &BTreeMap::from([(t, 3)]), &BTreeMap::new()).is_empty());
        let targets = assign(
            "uniform",
            &[member("a", &[])],
            &BTreeMap::new(),
            &BTreeMap::new(),
        );
        assert_eq!(counts(&targets), [0]);
    }
}
