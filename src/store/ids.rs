//! Row ids as types, so that a class id is never passed where a member id (or a quiz id…) is
//! expected. Each is the table's `INTEGER PRIMARY KEY`, stored and read as the bare integer.

/// Declares an id newtype over the stored integer.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type)]
        #[sqlx(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A class (`classes.id`).
    ClassId
);
id_type!(
    /// A member of a class (`members.id`).
    MemberId
);
id_type!(
    /// A quiz (`quizzes.id`).
    QuizId
);
id_type!(
    /// A practice run (`practices.id`).
    PracticeId
);
id_type!(
    /// A draft shared for the class's votes (`shared_drafts.id`).
    DraftId
);
id_type!(
    /// A class vote (`discussions.id`).
    DiscussionId
);
id_type!(
    /// A post put to a class vote (`discussion_posts.id`).
    VotePostId
);
id_type!(
    /// A written answer (`written_answers.id`).
    WrittenId
);
id_type!(
    /// A post the engine sends on its own (`posts.id`).
    PostId
);
