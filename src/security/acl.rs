//! Kafka's access control model and its authorization decision, as Apache Kafka's
//! `StandardAuthorizer` makes it:
//!
//! - an ACL binds a resource pattern (type, name, LITERAL or PREFIXED; the LITERAL name `*`
//!   matches every resource of its type) to a principal (`User:alice`, or `User:*` for anyone),
//!   a host (an address, or `*`), an operation and ALLOW or DENY;
//! - super users may do anything; otherwise a matching DENY wins over any ALLOW;
//! - an ALLOW for READ, WRITE, DELETE or ALTER also allows DESCRIBE, one for ALTER_CONFIGS also
//!   DESCRIBE_CONFIGS, and ALL allows everything (a DENY implies nothing beyond its operation,
//!   except DENY ALL);
//! - a resource no ACL names at all gets the default (`allow.everyone.if.no.acl.found`); a
//!   resource some ACL names, none of which allows this principal, is denied.
//!
//! Filters (`DescribeAcls`, `DeleteAcls`) follow Kafka's `AclBindingFilter`: ANY matches any
//! value of a field, and the MATCH pattern type selects every ACL that applies to one resource.
//! The wire codes of each enum are Kafka's.

use std::collections::HashSet;

/// The resource name or host that stands for any.
pub const WILDCARD: &str = "*";

/// The principal that stands for any (of whatever type, as in Kafka).
pub const WILDCARD_PRINCIPAL: &str = "User:*";

macro_rules! kafka_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:expr, $text:expr;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in code order.
            pub const ALL_VALUES: &'static [$name] = &[$($name::$variant),*];

            /// The value of wire code `code`, if it is one.
            pub fn from_code(code: i8) -> Option<$name> {
                match code {
                    $($code => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// Its wire code.
            pub const fn code(self) -> i8 {
                match self {
                    $($name::$variant => $code,)*
                }
            }

            /// Its name as Kafka's tools print it.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value named `text`, in any case, with `-` or `_` between words.
            pub fn parse(text: &str) -> Option<$name> {
                let wanted = text.trim().replace('-', "_").to_ascii_uppercase();
                Self::ALL_VALUES.iter().copied().find(|v| v.name() == wanted)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

kafka_enum! {
    /// What an ACL protects.
    ResourceType {
        Topic = 2, "TOPIC";
        Group = 3, "GROUP";
        Cluster = 4, "CLUSTER";
        TransactionalId = 5, "TRANSACTIONAL_ID";
        DelegationToken = 6, "DELEGATION_TOKEN";
        User = 7, "USER";
    }
}

kafka_enum! {
    /// How an ACL's resource name matches.
    PatternType {
        /// The resource of exactly this name (or every resource, for `*`).
        Literal = 3, "LITERAL";
        /// Every resource whose name starts with this one.
        Prefixed = 4, "PREFIXED";
    }
}

kafka_enum! {
    /// What a principal does to a resource.
    Operation {
        All = 2, "ALL";
        Read = 3, "READ";
        Write = 4, "WRITE";
        Create = 5, "CREATE";
        Delete = 6, "DELETE";
        Alter = 7, "ALTER";
        Describe = 8, "DESCRIBE";
        ClusterAction = 9, "CLUSTER_ACTION";
        DescribeConfigs = 10, "DESCRIBE_CONFIGS";
        AlterConfigs = 11, "ALTER_CONFIGS";
        IdempotentWrite = 12, "IDEMPOTENT_WRITE";
        CreateTokens = 13, "CREATE_TOKENS";
        DescribeTokens = 14, "DESCRIBE_TOKENS";
    }
}

kafka_enum! {
    /// Whether an ACL grants or refuses.
    Permission {
        Deny = 2, "DENY";
        Allow = 3, "ALLOW";
    }
}

/// One access control entry bound to a resource pattern (Kafka's `AclBinding`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Acl {
    pub resource_type: ResourceType,
    pub resource_name: String,
    pub pattern_type: PatternType,
    /// `Type:name`, e.g. `User:alice`; `User:*` for every principal.
    pub principal: String,
    /// A client address, or `*` for any.
    pub host: String,
    pub operation: Operation,
    pub permission: Permission,
}

impl Acl {
    /// Whether this ACL's resource pattern covers the resource `name` of `resource_type`.
    pub fn covers(&self, resource_type: ResourceType, name: &str) -> bool {
        self.resource_type == resource_type
            && match self.pattern_type {
                PatternType::Literal => {
                    self.resource_name == name || self.resource_name == WILDCARD
                }
                PatternType::Prefixed => name.starts_with(&self.resource_name),
            }
    }

    /// The decision this ACL makes for `operation` by `principal` from `host`, if it applies
    /// to them (its resource pattern is checked by [`Acl::covers`]).
    fn decides(&self, principal: &str, host: &str, operation: Operation) -> Option<Permission> {
        if self.principal != principal && self.principal != WILDCARD_PRINCIPAL {
            return None;
        }
        if self.host != WILDCARD && self.host != host {
            return None;
        }
        let applies = self.operation == Operation::All
            || self.operation == operation
            || (self.permission == Permission::Allow
                && match operation {
                    Operation::Describe => matches!(
                        self.operation,
                        Operation::Read | Operation::Write | Operation::Delete | Operation::Alter
                    ),
                    Operation::DescribeConfigs => self.operation == Operation::AlterConfigs,
                    _ => false,
                });
        applies.then_some(self.permission)
    }
}

/// What one request asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Action<'a> {
    pub resource_type: ResourceType,
    pub resource_name: &'a str,
    pub operation: Operation,
}

/// Why an action was allowed or denied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The principal is a super user.
    SuperUser,
    /// This ACL allowed it.
    Allowed(Acl),
    /// This ACL denied it.
    Denied(Acl),
    /// No ACL names the resource: the default applies (`allow.everyone.if.no.acl.found`).
    NoAcl { allowed: bool },
    /// ACLs name the resource, and none allows this principal.
    NotAllowed,
}

impl Decision {
    pub fn allowed(&self) -> bool {
        match self {
            Decision::SuperUser | Decision::Allowed(_) => true,
            Decision::NoAcl { allowed } => *allowed,
            Decision::Denied(_) | Decision::NotAllowed => false,
        }
    }
}

/// The ACLs in force and the authorizer's settings.
#[derive(Debug, Clone, Default)]
pub struct Authorizer {
    acls: Vec<Acl>,
    super_users: HashSet<String>,
    allow_if_no_acl: bool,
}

impl Authorizer {
    /// An authorizer with `super_users` (`User:admin`, ...) that, for a resource no ACL names,
    /// allows when `allow_if_no_acl` (Kafka's `allow.everyone.if.no.acl.found`).
    pub fn new(super_users: impl IntoIterator<Item = String>, allow_if_no_acl: bool) -> Self {
        Authorizer {
            acls: Vec::new(),
            super_users: super_users.into_iter().collect(),
            allow_if_no_acl,
        }
    }

    /// Adds `acl`; an identical one already there is not added twice. Returns whether it was
    /// new.
    pub fn add(&mut self, acl: Acl) -> bool {
        if self.acls.contains(&acl) {
            return false;
        }
        self.acls.push(acl);
        true
    }

    /// Removes the ACLs `filter` matches and returns them.
    pub fn remove(&mut self, filter: &AclFilter) -> Vec<Acl> {
        let (removed, kept) = std::mem::take(&mut self.acls)
            .into_iter()
            .partition(|acl| filter.matches(acl));
        self.acls = kept;
        removed
    }

    /// Every ACL, in the order they were added.
    pub fn acls(&self) -> &[Acl] {
        &self.acls
    }

    /// Whether ACLs are checked for `principal` at all (super users pass everything).
    pub fn is_super_user(&self, principal: &str) -> bool {
        self.super_users.contains(principal)
    }

    /// The ACLs `filter` matches.
    pub fn describe(&self, filter: &AclFilter) -> Vec<&Acl> {
        self.acls.iter().filter(|acl| filter.matches(acl)).collect()
    }

    /// Decides whether `principal` (`User:alice`) connected from `host` may do `action`.
    pub fn authorize(&self, principal: &str, host: &str, action: &Action<'_>) -> Decision {
        if self.super_users.contains(principal) {
            return Decision::SuperUser;
        }
        let mut named = false;
        let mut allow: Option<&Acl> = None;
        for acl in self
            .acls
            .iter()
            .filter(|acl| acl.covers(action.resource_type, action.resource_name))
        {
            named = true;
            match acl.decides(principal, host, action.operation) {
                Some(Permission::Deny) => return Decision::Denied(acl.clone()),
                Some(Permission::Allow) => allow = allow.or(Some(acl)),
                None => {}
            }
        }
        match (allow, named) {
            (Some(acl), _) => Decision::Allowed(acl.clone()),
            (None, false) => Decision::NoAcl {
                allowed: self.allow_if_no_acl,
            },
            (None, true) => Decision::NotAllowed,
        }
    }
}

impl Authorizer {
    /// Whether some ACL lets `principal` do `operation` on at least one resource of
    /// `resource_type` that no DENY covers (Kafka's `authorizeByResourceType`, with which
    /// InitProducerId lets a principal that may WRITE some topic be an idempotent producer).
    pub fn allows_any(
        &self,
        principal: &str,
        host: &str,
        resource_type: ResourceType,
        operation: Operation,
    ) -> bool {
        if self.super_users.contains(principal) {
            return true;
        }
        let applies = |acl: &&Acl| {
            acl.resource_type == resource_type
                && (acl.principal == principal || acl.principal == WILDCARD_PRINCIPAL)
                && (acl.host == WILDCARD || acl.host == host)
                && (acl.operation == operation || acl.operation == Operation::All)
        };
        let (denies, allows): (Vec<&Acl>, Vec<&Acl>) = self
            .acls
            .iter()
            .filter(applies)
            .partition(|acl| acl.permission == Permission::Deny);
        let denied_everywhere = denies.iter().any(|d| {
            (d.pattern_type == PatternType::Literal && d.resource_name == WILDCARD)
                || (d.pattern_type == PatternType::Prefixed && d.resource_name.is_empty())
        });
        if denied_everywhere {
            return false;
        }
        let denied_prefix = |name: &str| {
            denies.iter().any(|d| {
                d.pattern_type == PatternType::Prefixed && name.starts_with(&d.resource_name)
            })
        };
        allows.iter().any(|a| match a.pattern_type {
            PatternType::Literal => {
                a.resource_name == WILDCARD
                    || (!denied_prefix(&a.resource_name)
                        && !denies.iter().any(|d| {
                            d.pattern_type == PatternType::Literal
                                && d.resource_name == a.resource_name
                        }))
            }
            PatternType::Prefixed => !denied_prefix(&a.resource_name),
        })
    }
}

/// How a filter selects resource patterns by type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternFilter {
    /// Any pattern type; a name must be equal.
    Any,
    /// Every ACL that applies to the resource of the filter's name: LITERAL of that name or
    /// `*`, and PREFIXED ones the name starts with.
    Match,
    /// This pattern type; a name must be equal.
    Exactly(PatternType),
}

impl PatternFilter {
    /// The filter of wire code `code` (1 ANY, 2 MATCH, 3 LITERAL, 4 PREFIXED).
    pub fn from_code(code: i8) -> Option<PatternFilter> {
        match code {
            1 => Some(PatternFilter::Any),
            2 => Some(PatternFilter::Match),
            other => PatternType::from_code(other).map(PatternFilter::Exactly),
        }
    }
}

/// Selects ACLs as Kafka's `AclBindingFilter` does: a `None` field matches anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclFilter {
    pub resource_type: Option<ResourceType>,
    pub resource_name: Option<String>,
    pub pattern: PatternFilter,
    pub principal: Option<String>,
    pub host: Option<String>,
    pub operation: Option<Operation>,
    pub permission: Option<Permission>,
}

impl AclFilter {
    /// The filter that matches every ACL.
    pub fn any() -> AclFilter {
        AclFilter {
            resource_type: None,
            resource_name: None,
            pattern: PatternFilter::Any,
            principal: None,
            host: None,
            operation: None,
            permission: None,
        }
    }

    pub fn matches(&self, acl: &Acl) -> bool {
        self.resource_type.is_none_or(|t| t == acl.resource_type)
            && self.matches_pattern(acl)
            && self.principal.as_ref().is_none_or(|p| *p == acl.principal)
            && self.host.as_ref().is_none_or(|h| *h == acl.host)
            && self.operation.is_none_or(|o| o == acl.operation)
            && self.permission.is_none_or(|p| p == acl.permission)
    }

    fn matches_pattern(&self, acl: &Acl) -> bool {
        match (self.pattern, &self.resource_name) {
            (PatternFilter::Exactly(t), _) if t != acl.pattern_type => false,
            (_, None) => true,
            (PatternFilter::Any | PatternFilter::Exactly(_), Some(name)) => {
                *name == acl.resource_name
            }
            (PatternFilter::Match, Some(name)) => match acl.pattern_type {
                PatternType::Literal => *name == acl.resource_name || acl.resource_name == WILDCARD,
                PatternType::Prefixed => name.starts_with(&acl.resource_name),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acl(
        name: &str,
        pattern_type: PatternType,
        principal: &str,
        operation: Operation,
        permission: Permission,
    ) -> Acl {
        Acl {
            resource_type: ResourceType::Topic,
            resource_name: name.into(),
            pattern_type,
            principal: principal.into(),
            host: WILDCARD.into(),
            operation,
            permission,
        }
    }

    fn topic(name: &str, operation: Operation) -> Action<'_> {
        Action {
            resource_type: ResourceType::Topic,
            resource_name: name,
            operation,
        }
    }

    use Operation::*;
    use PatternType::*;
    use Permission::*;

    #[test]
    fn literal_prefixed_and_wildcard_patterns_cover_what_kafkas_do() {
        let a = acl("orders", Literal, "User:alice", Read, Allow);
        assert!(a.covers(ResourceType::Topic, "orders"));
        assert!(!a.covers(ResourceType::Topic, "orders-eu"));
        assert!(!a.covers(ResourceType::Group, "orders"));
        let p = acl("orders", Prefixed, "User:alice", Read, Allow);
        assert!(p.covers(ResourceType::Topic, "orders-eu"));
        assert!(!p.covers(ResourceType::Topic, "order"));
        let w = acl("*", Literal, "User:alice", Read, Allow);
        assert!(w.covers(ResourceType::Topic, "anything"));
        let star_prefix = acl("*", Prefixed, "User:alice", Read, Allow);
        assert!(!star_prefix.covers(ResourceType::Topic, "anything"));
    }

    #[test]
    fn deny_wins_and_allow_implies_describe_only() {
        let mut auth = Authorizer::new([], false);
        auth.add(acl("orders", Prefixed, "User:alice", Write, Allow));
        assert!(auth
            .authorize("User:alice", "10.0.0.1", &topic("orders-eu", Write))
            .allowed());
        assert!(auth
            .authorize("User:alice", "10.0.0.1", &topic("orders-eu", Describe))
            .allowed());
        assert!(!auth
            .authorize("User:alice", "10.0.0.1", &topic("orders-eu", Read))
            .allowed());
        // A DENY for READ does not deny DESCRIBE; a DENY for ALL denies everything.
        auth.add(acl("orders-eu", Literal, "User:alice", Read, Deny));
        assert!(auth
            .authorize("User:alice", "h", &topic("orders-eu", Describe))
            .allowed());
        auth.add(acl("*", Literal, "User:*", All, Deny));
        assert!(matches!(
            auth.authorize("User:alice", "h", &topic("orders-eu", Write)),
            Decision::Denied(_)
        ));
        let mut configs = Authorizer::new([], false);
        configs.add(acl("t", Literal, "User:bob", AlterConfigs, Allow));
        assert!(configs
            .authorize("User:bob", "h", &topic("t", DescribeConfigs))
            .allowed());
        assert!(!configs
            .authorize("User:bob", "h", &topic("t", Describe))
            .allowed());
    }

    #[test]
    fn unnamed_resources_take_the_default_and_named_ones_deny_strangers() {
        let mut auth = Authorizer::new(["User:admin".to_string()], true);
        assert_eq!(
            auth.authorize("User:eve", "h", &topic("free", Read)),
            Decision::NoAcl { allowed: true }
        );
        auth.add(acl("guarded", Literal, "User:alice", Read, Allow));
        assert_eq!(
            auth.authorize("User:eve", "h", &topic("guarded", Read)),
            Decision::NotAllowed
        );
        assert_eq!(
            auth.authorize("User:admin", "h", &topic("guarded", Delete)),
            Decision::SuperUser
        );
        let strict = Authorizer::new([], false);
        assert!(!strict
            .authorize("User:eve", "h", &topic("free", Read))
            .allowed());
    }

    #[test]
    fn hosts_and_wildcard_principals_match_as_written() {
        let mut auth = Authorizer::new([], false);
        auth.add(Acl {
            host: "10.0.0.7".into(),
            ..acl("t", Literal, "User:*", Read, Allow)
        });
        assert!(auth
            .authorize("User:anyone", "10.0.0.7", &topic("t", Read))
            .allowed());
        assert!(!auth
            .authorize("User:anyone", "10.0.0.8", &topic("t", Read))
            .allowed());
        // `User:*` stands for any principal, whatever its type, as in Kafka.
        assert!(auth
            .authorize("Group:x", "10.0.0.7", &topic("t", Read))
            .allowed());
        let mut typed = Authorizer::new([], false);
        typed.add(acl("t", Literal, "Group:*", Read, Allow));
        assert!(!typed.authorize("Group:x", "h", &topic("t", Read)).allowed());
    }

    #[test]
    fn filters_select_as_kafkas_acl_binding_filter() {
        let mut auth = Authorizer::new([], false);
        auth.add(acl("orders", Literal, "User:a", Read, Allow));
        auth.add(acl("ord", Prefixed, "User:a", Read, Allow));
        auth.add(acl("*", Literal, "User:b", Write, Allow));
        auth.add(acl("other", Literal, "User:a", Read, Allow));
        assert!(
            !auth.add(acl("other", Literal, "User:a", Read, Allow)),
            "no duplicates"
        );
        let matching = AclFilter {
            resource_name: Some("orders".into()),
            pattern: PatternFilter::Match,
            ..AclFilter::any()
        };
        assert_eq!(auth.describe(&matching).len(), 3);
        let exact = AclFilter {
            resource_name: Some("ord".into()),
            pattern: PatternFilter::Exactly(Prefixed),
            ..AclFilter::any()
        };
        assert_eq!(auth.describe(&exact).len(), 1);
        let by_principal = AclFilter {
            principal: Some("User:a".into()),
            ..AclFilter::any()
        };
        assert_eq!(auth.remove(&by_principal).len(), 3);
        assert_eq!(auth.describe(&AclFilter::any()).len(), 1);
    }

    #[test]
    fn names_and_codes_round_trip() {
        for op in Operation::ALL_VALUES {
            assert_eq!(Operation::from_code(op.code()), Some(*op));
            assert_eq!(Operation::parse(&op.name().to_lowercase()), Some(*op));
        }
        assert_eq!(Operation::parse("describe-configs"), Some(DescribeConfigs));
        assert_eq!(
            ResourceType::parse("transactional_id"),
            Some(ResourceType::TransactionalId)
        );
        assert_eq!(PatternFilter::from_code(2), Some(PatternFilter::Match));
        assert_eq!(
            Permission::from_code(1),
            None,
            "ANY is a filter value, not a permission"
        );
    }
}
